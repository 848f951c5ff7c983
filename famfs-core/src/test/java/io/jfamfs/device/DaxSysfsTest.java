package io.jfamfs.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.sys.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes a fake sysfs tree shaped like the kernel's dax bus. */
class DaxSysfsTest {
    static final long DAX0_0 = (252L << 8) | 3; // dev_t of 252:3 in the classic encoding
    static final Path DEV = Path.of("/dev/dax0.0");

    @TempDir
    Path sys;
    Path daxDir;

    @BeforeEach
    void buildTree() throws IOException {
        daxDir = Files.createDirectories(sys.resolve("devices/platform/hmem.0/dax0.0"));
        Files.createDirectories(sys.resolve("bus/dax/drivers/device_dax"));
        Files.createDirectories(sys.resolve("bus/dax/drivers/kmem"));
        Files.createDirectories(sys.resolve("dev/char"));
        Files.createSymbolicLink(sys.resolve("dev/char/252:3"), Path.of("../../devices/platform/hmem.0/dax0.0"));
        Files.createSymbolicLink(daxDir.resolve("subsystem"), Path.of("../../../../bus/dax"));
        Files.writeString(daxDir.resolve("size"), "8589934592\n");
        Files.writeString(daxDir.resolve("align"), "2097152\n");
    }

    void bind(String driver) throws IOException {
        Files.deleteIfExists(daxDir.resolve("driver"));
        Files.createSymbolicLink(daxDir.resolve("driver"), Path.of("../../../../bus/dax/drivers/" + driver));
    }

    @Test
    void shouldReadSizeAlignAndDriverOfADevdaxDevice() throws IOException {
        bind("device_dax");
        DaxSysfs.DaxInfo info = new DaxSysfs(sys).probe(DEV, DAX0_0);
        assertThat(info.size()).isEqualTo(8L << 30);
        assertThat(info.align()).isEqualTo(2L << 20);
        assertThat(info.driver()).isEqualTo("device_dax");
        assertThat(info.name()).isEqualTo("dax0.0");
    }

    @Test
    void shouldDefaultTheAlignmentWhenSysfsHasNone() throws IOException {
        bind("device_dax");
        Files.delete(daxDir.resolve("align"));
        assertThat(new DaxSysfs(sys).probe(DEV, DAX0_0).align()).isEqualTo(2L << 20);
    }

    @Test
    void shouldFindTheDeviceByNameWhenDevCharIsMissing() throws IOException {
        bind("device_dax");
        Files.createDirectories(sys.resolve("bus/dax/devices"));
        Files.createSymbolicLink(sys.resolve("bus/dax/devices/dax0.0"), daxDir);
        assertThat(new DaxSysfs(sys).probe(DEV, (253L << 8) | 9).size()).isEqualTo(8L << 30);
    }

    @Test
    void shouldRefuseADeviceInSystemRamMode() throws IOException {
        bind("kmem");
        assertThatThrownBy(() -> new DaxSysfs(sys).probe(DEV, DAX0_0)).isInstanceOfSatisfying(DeviceException.class,
                e -> {
                    assertThat(e.is(Errno.ENODEV)).isTrue();
                    assertThat(e.path()).isEqualTo(DEV);
                    assertThat(e).hasMessageStartingWith("dax device is in system-ram mode: path=/dev/dax0.0");
                });
    }

    @Test
    void shouldRefuseAnUnboundDevice() {
        assertThatThrownBy(() -> new DaxSysfs(sys).probe(DEV, DAX0_0)).hasMessageContaining("no driver bound");
    }

    @Test
    void shouldRefuseACharDeviceOfAnotherSubsystem() throws IOException {
        Path mem = Files.createDirectories(sys.resolve("devices/virtual/mem/null"));
        Files.createDirectories(sys.resolve("class/mem"));
        Files.createSymbolicLink(mem.resolve("subsystem"), Path.of("../../../../class/mem"));
        Files.createSymbolicLink(sys.resolve("dev/char/1:3"), Path.of("../../devices/virtual/mem/null"));
        assertThatThrownBy(() -> new DaxSysfs(sys).probe(Path.of("/dev/null"), (1L << 8) | 3))
                .isInstanceOf(DeviceException.class)
                .hasMessage("not a dax device: path=/dev/null dev=1:3 subsystem=mem");
    }

    @Test
    void shouldRefuseACharDeviceSysfsDoesNotKnow() {
        assertThatThrownBy(() -> new DaxSysfs(sys).probe(Path.of("/dev/ttyX"), (4L << 8) | 1))
                .hasMessage("not a dax device: path=/dev/ttyX dev=4:1 (no sysfs entry)");
    }

    @Test
    void shouldReportAnUnparsableSize() throws IOException {
        bind("device_dax");
        Files.writeString(daxDir.resolve("size"), "lots\n");
        assertThatThrownBy(() -> new DaxSysfs(sys).probe(DEV, DAX0_0))
                .hasMessageContaining("bad dax sysfs attribute").hasMessageContaining("value=\"lots\"");
    }

    @Test
    void shouldSplitDeviceNumbersAsGlibc() {
        long major = 0x123abc, minor = 0x45678; // glibc makedev():
        long rdev = (major & 0xfff) << 8 | (major & 0xfffff000L) << 32 | minor & 0xff | (minor & 0xffffff00L) << 12;
        assertThat(DaxSysfs.major(rdev)).isEqualTo(0x123abc);
        assertThat(DaxSysfs.minor(rdev)).isEqualTo(0x45678);
    }
}
