package io.jfamfs.cli.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternTest {
    @Test
    void shouldBeTheSplitMix64Sequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c): the first three outputs.
        assertThat(Pattern.word(0, 0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(Pattern.word(0, 1)).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(Pattern.word(0, 2)).isEqualTo(0x06C45D188009454FL);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 7, 8, 9, 4095, 4096, 100_003})
    void shouldVerifyWhatItFilledForAnySize(long size) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(Math.max(size, 1)).asSlice(0, size);
            Pattern.fill(m, 42, 0);
            assertThat(Pattern.verify(m, 42, 0)).isEqualTo(-1);
            if (size > 0) {
                assertThat(Pattern.verify(m, 43, 0)).isEqualTo(0);
            }
        }
    }

    @Test
    void shouldFillDisjointRangesIdenticallyToOneFill() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment whole = arena.allocate(10_007);
            MemorySegment parts = arena.allocate(10_007);
            Pattern.fill(whole, 7, 0);
            Pattern.fill(parts.asSlice(0, 4096), 7, 0);
            Pattern.fill(parts.asSlice(4096, 4096), 7, 4096);
            Pattern.fill(parts.asSlice(8192), 7, 8192);
            assertThat(parts.mismatch(whole)).isEqualTo(-1);
        }
    }

    @Test
    void shouldReportTheFirstWrongByteOffset() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(8192);
            Pattern.fill(m, 9, 0);
            m.set(ValueLayout.JAVA_BYTE, 5003, (byte) ~m.get(ValueLayout.JAVA_BYTE, 5003));
            assertThat(Pattern.verify(m, 9, 0)).isEqualTo(5003);
            assertThat(Pattern.verify(m.asSlice(4096), 9, 4096)).isEqualTo(5003);
        }
    }
}
