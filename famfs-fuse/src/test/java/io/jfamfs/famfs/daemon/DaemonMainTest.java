package io.jfamfs.famfs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's start-up failures: one ERROR line on stdout, exit status 1, nothing mounted. */
class DaemonMainTest {
    @TempDir
    Path tmp;

    private String run(DaemonArgs args, int expectedStatus) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = DaemonMain.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(expectedStatus);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintOneErrorLineForAMissingDevice() throws Exception {
        Path mnt = Files.createDirectory(tmp.resolve("mnt"));
        String out = run(DaemonArgs.of(tmp.resolve("no-such-device"), mnt), 1);
        assertThat(out).startsWith("ERROR ").contains("no-such-device").doesNotContain("\tat ");
        assertThat(out.lines()).hasSize(1);
        assertThat(Mounts.isMountpoint(mnt)).isFalse();
    }

    @Test
    void shouldPrintOneErrorLineForADeviceWithoutFamfs() throws Exception {
        Path dev = Files.write(tmp.resolve("zeros"), new byte[8 << 20]);
        String out = run(DaemonArgs.of(dev, Files.createDirectory(tmp.resolve("mnt"))), 1);
        assertThat(out).startsWith("ERROR ").contains("superblock");
    }
}
