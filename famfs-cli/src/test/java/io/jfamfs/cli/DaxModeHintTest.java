package io.jfamfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.device.DaxModes;
import io.jfamfs.device.FakeDaxKernel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures naming a dax device that is not in devdax mode say how to switch it. */
class DaxModeHintTest {
    @TempDir
    Path root;

    @Test
    void systemRamDeviceGetsTheSwitchCommand() throws Exception {
        FakeDaxKernel k = FakeDaxKernel.guestLike(root);
        DaxModes modes = new DaxModes(root, k);
        modes.switchTo("dax1.0", DaxModes.Mode.SYSTEM_RAM, false, true);
        assertThat(DaxModeHint.augment("dax device is in system-ram mode: path=/dev/dax1.0 driver=kmem", modes))
                .isEqualTo("dax device is in system-ram mode: path=/dev/dax1.0 driver=kmem; switch it with: "
                        + "famfs dev mode /dev/dax1.0 devdax (or: daxctl reconfigure-device --mode=devdax dax1.0)");
        assertThat(DaxModeHint.augment("system-ram mode: path=/dev/dax1.0 (use 'daxctl reconfigure-device')", modes))
                .isEqualTo("system-ram mode: path=/dev/dax1.0 (use 'daxctl reconfigure-device'); switch it with: "
                        + "famfs dev mode /dev/dax1.0 devdax");
        assertThat(DaxModeHint.augment("/dev/dax1.0: No such file or directory", modes))
                .startsWith("/dev/dax1.0: No such file or directory: dax1.0 is in system-ram mode (driver kmem); "
                        + "switch it with: famfs dev mode /dev/dax1.0 devdax");
    }

    @Test
    void devdaxAndOtherMessagesAreLeftAlone() throws Exception {
        DaxModes modes = new DaxModes(root, FakeDaxKernel.guestLike(root));
        assertThat(DaxModeHint.augment("/dev/dax0.0: busy", modes)).isEqualTo("/dev/dax0.0: busy");
        assertThat(DaxModeHint.augment("/dev/dax9.0: gone", modes)).isEqualTo("/dev/dax9.0: gone");
        assertThat(DaxModeHint.augment("no device named", modes)).isEqualTo("no device named");
        assertThat(DaxModeHint.augment(null, modes)).isNull();
    }
}
