package io.jfamfs.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system uuid file, always under a temporary directory (never the real /opt/famfs). */
class SystemUuidTest {
    static final String TEXT = "73797374-656d-4000-8000-000000000001";

    @TempDir
    Path dir;

    @Test
    void shouldCreateTheFileAsTheReferenceDoes() throws IOException {
        Path file = dir.resolve("opt/famfs/system_uuid");
        UUID uuid = new SystemUuid(file).readOrCreate();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).hasSize(37).endsWith(0);
        assertThat(new String(bytes, 0, 36, StandardCharsets.US_ASCII)).isEqualTo(uuid.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwxr-xr-x");
        assertThat(new SystemUuid(file).readOrCreate()).isEqualTo(uuid); // stable
        assertThat(dir.resolve("opt/famfs").toFile().list()).containsExactly("system_uuid"); // no temp left
    }

    @Test
    void shouldReadUppercaseAndSurroundingWhitespace() throws IOException {
        Path file = Files.writeString(dir.resolve("u"), "  " + TEXT.toUpperCase() + "\n");
        assertThat(new SystemUuid(file).read()).isEqualTo(UUID.fromString(TEXT));
    }

    @Test
    void shouldReportAMissingFileOnRead() {
        Path file = dir.resolve("none");
        assertThatThrownBy(() -> new SystemUuid(file).read()).isInstanceOfSatisfying(ErrnoException.class,
                e -> assertThat(e.is(Errno.ENOENT)).isTrue()).hasMessage("no system uuid file: path=" + file);
    }

    @Test
    void shouldReportAndKeepAMalformedUuid() throws IOException {
        for (String bad : new String[] {"not-a-uuid", TEXT + "ff", TEXT.replace('-', '+'), "1-1-1-1-1",
                TEXT.substring(0, 35) + "g"}) {
            Path file = Files.writeString(dir.resolve("bad"), bad + "\n");
            assertThatThrownBy(() -> new SystemUuid(file).read()).isInstanceOf(ErrnoException.class)
                    .hasMessage("bad system uuid: path=%s text=\"%s\"", file, bad);
            assertThat(file).exists();
        }
    }

    @Test
    void shouldRemoveAnEmptyFileSoTheNextUseRecreatesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("empty"), " \n");
        SystemUuid s = new SystemUuid(file);
        assertThatThrownBy(s::read).hasMessageContaining("empty system uuid file removed");
        assertThat(file).doesNotExist();
        assertThat(s.readOrCreate()).isNotNull();
    }

    @Test
    void shouldNameThePathWhenItCannotCreateTheFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("famfs"), "a file where the directory should be");
        Path file = blocker.resolve("system_uuid");
        assertThatThrownBy(() -> new SystemUuid(file).readOrCreate())
                .hasMessageStartingWith("cannot create system uuid file: path=" + file);
    }

    @Test
    void shouldTakeThePathFromTheEnvironment() {
        assertThat(SystemUuid.fromEnvironment(Map.of(SystemUuid.ENV_VARIABLE, "/tmp/h1")).path())
                .isEqualTo(Path.of("/tmp/h1"));
        assertThat(SystemUuid.fromEnvironment(Map.of()).path()).isEqualTo(SystemUuid.DEFAULT_PATH);
        assertThat(SystemUuid.fromEnvironment(Map.of(SystemUuid.ENV_VARIABLE, "")).path())
                .isEqualTo(SystemUuid.DEFAULT_PATH);
    }
}
