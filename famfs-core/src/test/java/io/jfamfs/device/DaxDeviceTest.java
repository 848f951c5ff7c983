package io.jfamfs.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.sys.Errno;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** Maps emulated devices in a temporary directory; devdax paths are covered with a fake sysfs. */
class DaxDeviceTest {
    static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldShareWritesBetweenTwoMappingsOfOneFile() throws IOException {
        Path p = dir.resolve("dev0");
        EmulatedDevices.create(p, 8 * MIB, false);
        try (DaxDevice a = DaxDevice.open(p, DaxDevice.Access.READ_WRITE);
                DaxDevice b = DaxDevice.open(p, DaxDevice.Access.READ_ONLY)) {
            assertThat(a.kind()).isEqualTo(DeviceKind.EMULATED);
            assertThat(a.size()).isEqualTo(8 * MIB).isEqualTo(a.segment().byteSize());
            assertThat(a.segment().address() % 4096).isZero();
            a.segment().set(ValueLayout.JAVA_LONG, 6 * MIB, 0x1234_5678_9abcL);
            a.flush(6 * MIB + 3, 8);
            assertThat(b.segment().get(ValueLayout.JAVA_LONG, 6 * MIB)).isEqualTo(0x1234_5678_9abcL);
            assertThat(b.readOnly()).isTrue();
            assertThatThrownBy(() -> b.segment().set(ValueLayout.JAVA_BYTE, 0, (byte) 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only"); // not SIGSEGV
        }
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            f.seek(6 * MIB);
            assertThat(Long.reverseBytes(f.readLong())).isEqualTo(0x1234_5678_9abcL); // msync'd to the file
        }
    }

    @Test
    void shouldInvalidateSlicesOnClose() throws IOException {
        Path p = dir.resolve("dev0");
        EmulatedDevices.create(p, 4 * MIB, false);
        DaxDevice d = DaxDevice.open(p, DaxDevice.Access.READ_WRITE);
        var slice = d.slice(2 * MIB, 48);
        d.close();
        d.close(); // idempotent
        assertThatThrownBy(() -> slice.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseFlushOutsideTheDevice() throws IOException {
        try (DaxDevice d = DaxDevice.inMemory("mem0", 4 * MIB)) {
            assertThat(d.kind()).isEqualTo(DeviceKind.MEMORY);
            d.flush(0, 4 * MIB);
            assertThatThrownBy(() -> d.flush(4 * MIB - 8, 16)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void shouldReportAMissingPath() {
        Path p = dir.resolve("nope");
        assertThatThrownBy(() -> DaxDevice.open(p, DaxDevice.Access.READ_ONLY))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.is(Errno.ENOENT)).isTrue())
                .hasMessage("no such device: path=" + p);
    }

    @Test
    void shouldReportADirectory() {
        assertThatThrownBy(() -> DaxDevice.open(dir, DaxDevice.Access.READ_ONLY))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.is(Errno.EISDIR)).isTrue())
                .hasMessage("device is a directory: path=" + dir);
    }

    @Test
    void shouldReportSizesThatAreNotWholeUnitsOrTooSmall() throws IOException {
        Path odd = dir.resolve("odd");
        try (RandomAccessFile f = new RandomAccessFile(odd.toFile(), "rw")) {
            f.setLength(5 * MIB);
        }
        assertThatThrownBy(() -> DaxDevice.open(odd, DaxDevice.Access.READ_ONLY))
                .hasMessage("device size is not a multiple of its alignment: path=%s size=%d align=%d", odd, 5 * MIB,
                        2 * MIB);
        Path small = dir.resolve("small");
        Files.write(small, new byte[0]);
        assertThatThrownBy(() -> DaxDevice.open(small, DaxDevice.Access.READ_ONLY))
                .hasMessage("device too small: path=%s size=0 min=%d", small, 4 * MIB);
    }

    @Test
    @EnabledIf("devNullExists")
    void shouldReportACharDeviceThatIsNotDax() {
        Path p = Path.of("/dev/null");
        assertThatThrownBy(() -> DaxDevice.open(p, DaxDevice.Access.READ_ONLY))
                .isInstanceOf(DeviceException.class).hasMessageStartingWith("not a dax device: path=/dev/null");
    }

    /**
     * Exercises the whole devdax path with /dev/zero standing in for /dev/dax0.0: a fake sysfs says
     * char device 1:5 is a 4 MiB devdax device, and mmap(MAP_SHARED) of /dev/zero works like one.
     */
    @Test
    @EnabledIf("devZeroExists")
    void shouldMapACharDeviceThatSysfsCallsDevdax() throws IOException {
        Path daxDir = Files.createDirectories(dir.resolve("sys/devices/dax0.0"));
        Files.createDirectories(dir.resolve("sys/bus/dax/drivers/device_dax"));
        Files.createDirectories(dir.resolve("sys/dev/char"));
        Files.createSymbolicLink(dir.resolve("sys/dev/char/1:5"), daxDir);
        Files.createSymbolicLink(daxDir.resolve("driver"), dir.resolve("sys/bus/dax/drivers/device_dax"));
        Files.writeString(daxDir.resolve("size"), String.valueOf(4 * MIB));
        try (DaxDevice d = DaxDevice.open(Path.of("/dev/zero"), DaxDevice.Access.READ_WRITE,
                new DaxSysfs(dir.resolve("sys")))) {
            assertThat(d.kind()).isEqualTo(DeviceKind.DEVDAX);
            assertThat(d.size()).isEqualTo(4 * MIB);
            assertThat(d.alignment()).isEqualTo(2 * MIB);
            d.segment().set(ValueLayout.JAVA_INT, 4 * MIB - 4, 7);
            d.flush(0, 4 * MIB); // a fence: msync would fail on a character device
            assertThat(d.segment().get(ValueLayout.JAVA_INT, 4 * MIB - 4)).isEqualTo(7);
        }
    }

    static boolean devZeroExists() {
        return Files.exists(Path.of("/dev/zero"));
    }

    static boolean devNullExists() {
        return Files.exists(Path.of("/sys/dev/char/1:3"));
    }
}
