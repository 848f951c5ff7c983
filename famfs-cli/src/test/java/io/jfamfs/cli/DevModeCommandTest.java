package io.jfamfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.device.DaxModes;
import io.jfamfs.device.FakeDaxKernel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code famfs dev mode} on a fake sysfs tree (the real one is exercised in the famfs-vm guests). */
class DevModeCommandTest {
    @TempDir
    Path root;

    FakeDaxKernel kernel;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void tree() throws Exception {
        kernel = FakeDaxKernel.guestLike(root);
    }

    int run(String... args) {
        CommandLine cl = new CommandLine(new DevModeCommand(new DaxModes(root, kernel)));
        Failures failures = new Failures();
        cl.setExecutionExceptionHandler(failures);
        cl.setExitCodeExceptionMapper(failures);
        cl.setParameterExceptionHandler(failures);
        cl.getCommandSpec().exitCodeOnInvalidInput(1);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void showsTheMode() {
        assertThat(run("/dev/dax0.0")).isZero();
        assertThat(out.toString()).startsWith("dax0.0: devdax (driver device_dax), 8190 MiB");
    }

    @Test
    void listsEveryDevice() {
        assertThat(run()).isZero();
        assertThat(out.toString().lines()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).startsWith("dax0.0: devdax (driver device_dax)"),
                l -> assertThat(l).startsWith("dax1.0: devdax (driver device_dax)"));
    }

    @Test
    void switchesToSystemRamAndBack() {
        assertThat(run("/dev/dax1.0", "system-ram")).isZero();
        assertThat(out.toString()).contains("dax1.0: devdax -> system-ram")
                .contains("system-ram (driver kmem)").contains("7 online");
        assertThat(run("dax1.0", "devdax")).isZero();
        assertThat(out.toString()).contains("dax1.0: system-ram -> devdax");
        assertThat(run("dax1.0", "devdax")).isZero();
        assertThat(out.toString()).contains("dax1.0: already in devdax mode");
    }

    @Test
    void refusalsAreExplained() throws Exception {
        Files.writeString(root.resolve("proc/self/mountinfo"),
                "40 22 0:45 / /mnt/famfs rw - fuse.jfamfs /dev/dax0.0 rw\n");
        assertThat(run("/dev/dax0.0", "system-ram")).isEqualTo(1);
        assertThat(err.toString()).startsWith("mode: dax0.0 is in use and stays in devdax mode")
                .contains("/mnt/famfs");
    }

    @Test
    void registeredAsFamfsDevMode() {
        assertThat(Main.run("famfs", new String[] {"dev", "mode", "--help"}, new PrintWriter(out, true),
                new PrintWriter(err, true))).isZero();
        assertThat(out.toString()).contains("famfs dev mode").contains("devdax or system-ram");
    }

    @Test
    void usageErrors() {
        assertThat(run("/dev/dax0.0", "ram")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown dax mode 'ram'");
        assertThat(run("/dev/sda")).isEqualTo(1);
        assertThat(err.toString()).contains("not a dax device name");
        assertThat(run("system-ram")).isEqualTo(1);
    }
}
