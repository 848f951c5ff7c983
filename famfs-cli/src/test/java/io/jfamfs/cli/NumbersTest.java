package io.jfamfs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
    @ParameterizedTest
    @CsvSource({"4096,4096", "0x100000,1048576", "0X10,16", "010,8", "0,0", "2m,2097152", "2M,2097152",
        "4k,4096", "10000k,10240000", "3g,3221225472", "1t,1099511627776", "0x10k,16384", "011m,9437184"})
    void shouldParseSizesLikeStrtoullBase0WithSuffix(String text, long expected) {
        assertThat(Numbers.parseSize(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "abc", "12x", "-1", "0x", "1.5g", "99999999999999999999", "9000000000g"})
    void shouldRejectMalformedSizes(String text) {
        assertThatThrownBy(() -> Numbers.parseSize(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"644,420", "0644,420", "600,384", "4755,2541", "0,0", "7777,4095"})
    void shouldParseModesAsOctal(String text, int expected) {
        assertThat(Numbers.parseMode(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8", "0x1ff", "-1", "17777", "rw"})
    void shouldRejectBadModes(String text) {
        assertThatThrownBy(() -> Numbers.parseMode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"-1,-1", "0x1f,31", "017,15", "42,42"})
    void shouldParseSignedBase0Integers(String text, long expected) {
        assertThat(Numbers.parseLong(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0,0 B", "1023,1023 B", "1024,1.0 KiB", "1572864,1.5 MiB", "8589934592,8.0 GiB"})
    void shouldFormatHumanSizes(long bytes, String expected) {
        assertThat(Numbers.human(bytes)).isEqualTo(expected);
    }
}
