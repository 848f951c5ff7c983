package io.jfamfs.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.device.DaxModes.Mode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DaxModes on a fake sysfs/proc/dev tree whose attribute writes are answered by {@link FakeDaxKernel}
 * (it behaves as the 6.1 dax bus did in the famfs-vm guests).
 */
class DaxModesTest {
    @TempDir
    Path root;

    FakeDaxKernel kernel;
    DaxModes modes;
    final List<String> steps = new ArrayList<>();

    @BeforeEach
    void tree() throws IOException {
        kernel = FakeDaxKernel.guestLike(root);
        modes = new DaxModes(root, kernel).log(steps::add);
    }

    @Test
    void deviceNames() throws Exception {
        assertThat(DaxModes.deviceName("/dev/dax0.0")).isEqualTo("dax0.0");
        assertThat(DaxModes.deviceName("dax12.3")).isEqualTo("dax12.3");
        assertThatThrownBy(() -> DaxModes.deviceName("/dev/sda")).hasMessageContaining("not a dax device name");
        assertThatThrownBy(() -> DaxModes.deviceName("/dev/dax0.0/../x")).isInstanceOf(DaxModeException.class);
    }

    @Test
    void modeNames() {
        assertThat(Mode.parse("devdax")).isEqualTo(Mode.DEVDAX);
        assertThat(Mode.parse("system-ram")).isEqualTo(Mode.SYSTEM_RAM);
        assertThat(Mode.parse("KMEM")).isEqualTo(Mode.SYSTEM_RAM);
        assertThatThrownBy(() -> Mode.parse("ram")).hasMessageContaining("expected devdax or system-ram");
    }

    @Test
    void statusOfADevdaxDevice() throws Exception {
        DaxModes.Status st = modes.status("/dev/dax0.0");
        assertThat(st.mode()).isEqualTo(Mode.DEVDAX);
        assertThat(st.driver()).isEqualTo("device_dax");
        assertThat(st.size()).isEqualTo(8587837440L);
        assertThat(st.align()).isEqualTo(2L << 20);
        assertThat(st.describe()).isEqualTo(
                "dax0.0: devdax (driver device_dax), 8190 MiB (8587837440 bytes), align 2 MiB, char device /dev/dax0.0");
        assertThat(modes.notDevdaxReason("/dev/dax0.0")).isNull();
    }

    @Test
    void missingDeviceListsTheOnesThereAre() {
        assertThatThrownBy(() -> modes.status("/dev/dax7.0"))
                .hasMessageContaining("/dev/dax7.0: no such dax device").hasMessageContaining("dax0.0, dax1.0");
    }

    @Test
    void devdaxToSystemRamAndBack() throws Exception {
        DaxModes.Status ram = modes.switchTo("/dev/dax1.0", Mode.SYSTEM_RAM, false, true);
        assertThat(ram.mode()).isEqualTo(Mode.SYSTEM_RAM);
        assertThat(ram.driver()).isEqualTo("kmem");
        // kmem adds only whole blocks: 0x300200000 rounds up to block 97, 0x33fffffff down to 103
        assertThat(ram.blocks()).extracting(DaxModes.MemoryBlock::index).containsExactly(97, 98, 99, 100, 101, 102, 103);
        assertThat(ram.blocks()).allMatch(b -> b.state().equals("online"));
        assertThat(kernel.writes).startsWith("device_dax/unbind=dax1.0", "kmem/new_id=dax1.0")
                .contains("memory97/state=online_movable", "memory103/state=online_movable");
        assertThat(Files.exists(root.resolve("dev/dax1.0"))).isFalse();
        assertThat(ram.describe()).isEqualTo("dax1.0: system-ram (driver kmem), 1022 MiB (1071644672 bytes), "
                + "align 2 MiB; memory blocks: 7 of 128 MiB, 7 online (Movable)");
        assertThat(modes.notDevdaxReason("/dev/dax1.0")).contains("system-ram mode (driver kmem)")
                .contains("famfs dev mode /dev/dax1.0 devdax");

        kernel.writes.clear();
        DaxModes.Status dax = modes.switchTo("dax1.0", Mode.DEVDAX, false, true);
        assertThat(dax.mode()).isEqualTo(Mode.DEVDAX);
        assertThat(kernel.writes).containsSubsequence("memory97/state=offline", "memory103/state=offline",
                "kmem/unbind=dax1.0", "kmem/remove_id=dax1.0", "device_dax/new_id=dax1.0");
        assertThat(Files.exists(root.resolve("dev/dax1.0"))).isTrue();
        assertThat(modes.status("dax1.0").blocks()).isEmpty();
    }

    @Test
    void onlineWithoutMovable() throws Exception {
        modes.switchTo("dax1.0", Mode.SYSTEM_RAM, false, false);
        assertThat(kernel.writes).contains("memory97/state=online").doesNotContain("memory97/state=online_movable");
    }

    @Test
    void alreadyInTheModeWritesNothing() throws Exception {
        DaxModes.Status st = modes.switchTo("dax0.0", Mode.DEVDAX, false, true);
        assertThat(st.mode()).isEqualTo(Mode.DEVDAX);
        assertThat(kernel.writes).isEmpty();
        assertThat(steps).containsExactly("dax0.0: already in devdax mode");
    }

    @Test
    void memoryThatCannotBeOfflinedKeepsSystemRam() throws Exception {
        modes.switchTo("dax1.0", Mode.SYSTEM_RAM, false, true);
        kernel.unofflinable.add(99);
        kernel.writes.clear();
        assertThatThrownBy(() -> modes.switchTo("dax1.0", Mode.DEVDAX, false, true))
                .isInstanceOf(DaxModeException.class)
                .hasMessageContaining("dax1.0 stays in system-ram mode")
                .hasMessageContaining("memory99")
                .hasMessageContaining("cannot be offlined (Device or resource busy)")
                .hasMessageContaining("Put back online: memory97, memory98");
        DaxModes.Status st = modes.status("dax1.0");
        assertThat(st.mode()).isEqualTo(Mode.SYSTEM_RAM);
        assertThat(st.blocks()).allMatch(DaxModes.MemoryBlock::online);
        assertThat(kernel.writes).noneMatch(w -> w.startsWith("kmem/unbind"));
    }

    @Test
    void refusesADeviceWithAMountedFamfs() throws Exception {
        Files.writeString(root.resolve("proc/self/mountinfo"),
                "22 1 0:21 / /proc rw,nosuid - proc proc rw\n"
                        + "40 22 0:45 / /mnt/my\\040famfs rw,nosuid,nodev - fuse.jfamfs /dev/dax0.0 rw,user_id=0\n");
        assertThatThrownBy(() -> modes.switchTo("/dev/dax0.0", Mode.SYSTEM_RAM, true, true))
                .hasMessageContaining("dax0.0 is in use and stays in devdax mode")
                .hasMessageContaining("a famfs is mounted from it at /mnt/my famfs (fuse.jfamfs)");
        assertThat(modes.status("dax0.0").mode()).isEqualTo(Mode.DEVDAX);
        assertThat(kernel.writes).isEmpty();
    }

    @Test
    void refusesADeviceAProcessMaps() throws Exception {
        Path p = Files.createDirectories(root.resolve("proc/4242"));
        Files.writeString(p.resolve("comm"), "java\n");
        Files.writeString(p.resolve("maps"),
                "7f0000000000-7f0000200000 rw-s 00000000 00:05 11 /dev/dax0.0\n");
        assertThat(modes.holders("dax0.0")).containsExactly("process 4242 (java) maps it");
        assertThatThrownBy(() -> modes.switchTo("/dev/dax0.0", Mode.SYSTEM_RAM, false, true))
                .hasMessageContaining("process 4242 (java) maps it");
        assertThat(modes.holders("dax1.0")).isEmpty();
    }

    @Test
    void aFamfsSuperblockNeedsForce() throws Exception {
        ByteBuffer sb = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN).putLong(0, DaxModes.FAMFS_SUPER_MAGIC);
        Files.write(root.resolve("dev/dax1.0"), sb.array());
        assertThat(modes.hasFamfsSuperblock(modes.status("dax1.0"))).isTrue();
        assertThatThrownBy(() -> modes.switchTo("/dev/dax1.0", Mode.SYSTEM_RAM, false, true))
                .hasMessageContaining("holds a famfs file system").hasMessageContaining("--force");
        assertThat(modes.status("dax1.0").mode()).isEqualTo(Mode.DEVDAX);
        assertThat(modes.switchTo("/dev/dax1.0", Mode.SYSTEM_RAM, true, true).mode()).isEqualTo(Mode.SYSTEM_RAM);
    }

    @Test
    void unboundDeviceIsBound() throws Exception {
        Files.delete(root.resolve("sys/bus/dax/devices/dax1.0/driver"));
        Files.delete(root.resolve("dev/dax1.0"));
        DaxModes.Status st = modes.status("dax1.0");
        assertThat(st.mode()).isEqualTo(Mode.UNBOUND);
        assertThat(st.describe()).contains("unbound (no driver)").contains("famfs dev mode /dev/dax1.0 devdax");
        assertThat(modes.notDevdaxReason("dax1.0")).contains("not bound to any driver");
        assertThat(modes.switchTo("dax1.0", Mode.DEVDAX, false, true).mode()).isEqualTo(Mode.DEVDAX);
    }

    @Test
    void missingKmemDriverIsExplained() throws Exception {
        try (var s = Files.list(root.resolve("sys/bus/dax/drivers/kmem"))) {
            for (Path f : s.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(root.resolve("sys/bus/dax/drivers/kmem"));
        assertThatThrownBy(() -> modes.switchTo("dax1.0", Mode.SYSTEM_RAM, false, true))
                .hasMessageContaining("this kernel has no kmem dax driver");
        assertThatThrownBy(() -> modes.switchTo("dax1.0", Mode.FAMFS, false, true))
                .hasMessageContaining("famfs mode needs a famfs-patched kernel");
        assertThat(kernel.writes).isEmpty();
    }

    @Test
    void aDriverThatRefusesLeavesTheOldOne() throws Exception {
        kernel.refuse.add("kmem");
        assertThatThrownBy(() -> modes.switchTo("dax1.0", Mode.SYSTEM_RAM, false, true))
                .hasMessageContaining("kmem did not take it").hasMessageContaining("dax1.0 is back in devdax mode");
        assertThat(modes.status("dax1.0").mode()).isEqualTo(Mode.DEVDAX);
    }

    @Test
    void humanSizes() {
        assertThat(DaxModes.human(2L << 20)).isEqualTo("2 MiB");
        assertThat(DaxModes.human(8L << 30)).isEqualTo("8 GiB");
        assertThat(DaxModes.human(4096)).isEqualTo("4 KiB");
        assertThat(DaxModes.human(123)).isEqualTo("123 B");
        assertThat(DaxModes.human((8L << 30) + 1)).isEqualTo("8.0 GiB");
    }
}
