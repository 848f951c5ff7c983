package io.jfamfs.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jfamfs.sys.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatedDevicesTest {
    static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void shouldCreateASparseFileOfTheSize() throws IOException {
        Path p = dir.resolve("dev0");
        EmulatedDevices.create(p, 1L << 30, false);
        assertThat(Files.size(p)).isEqualTo(1L << 30);
        assertThat(allocatedBytes(p)).isLessThan(MIB); // sparse: nothing allocated yet
    }

    /** Returns st_blocks * 512, which the JDK does not expose; stat(1) does. */
    private static long allocatedBytes(Path p) throws IOException {
        Process stat = new ProcessBuilder("stat", "-c", "%b", p.toString()).start();
        String out = new String(stat.getInputStream().readAllBytes()).trim();
        return Long.parseLong(out) * 512;
    }

    @Test
    void shouldRefuseAnExistingPathUnlessForced() throws IOException {
        Path p = dir.resolve("dev0");
        EmulatedDevices.create(p, 4 * MIB, false);
        Files.write(p, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.WRITE);
        assertThatThrownBy(() -> EmulatedDevices.create(p, 4 * MIB, false))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.is(Errno.EEXIST)).isTrue())
                .hasMessageContaining("path=" + p);
        EmulatedDevices.create(p, 6 * MIB, true);
        assertThat(Files.size(p)).isEqualTo(6 * MIB);
        assertThat(Files.readAllBytes(p)[0]).isZero(); // recreated, not resized
    }

    @Test
    void shouldNeverForceOverSomethingThatIsNotARegularFile() {
        assertThatThrownBy(() -> EmulatedDevices.create(dir, 4 * MIB, true)).hasMessageContaining("not a regular file");
    }

    @Test
    void shouldRefuseSizesThatAreNotWholeUnits() {
        assertThatThrownBy(() -> EmulatedDevices.create(dir.resolve("x"), 5 * MIB, false))
                .hasMessageContaining("multiple of 2 MiB");
        assertThatThrownBy(() -> EmulatedDevices.create(dir.resolve("x"), 2 * MIB, false))
                .hasMessageContaining("at least 4 MiB");
        assertThatThrownBy(() -> EmulatedDevices.create(dir.resolve("no/such/dir/x"), 4 * MIB, false))
                .hasMessageContaining("parent directory does not exist");
    }

    @Test
    void shouldCreateAndMapOnHugetlbfsWhenMounted() throws IOException {
        Optional<Path> mount = hugetlbfsMount();
        assumeTrue(mount.isPresent(), "no hugetlbfs mounted (see /proc/mounts)");
        long page = EmulatedDevices.hugePageSize(mount.get());
        Path p = mount.get().resolve("jfamfs-test-" + ProcessHandle.current().pid());
        try {
            long size = Math.max(2 * page, 4 * MIB);
            EmulatedDevices.create(p, size, false);
            assertThat(Files.size(p)).isEqualTo(size);
            if (page > 2 * MIB) {
                assertThatThrownBy(() -> EmulatedDevices.create(p, size + 2 * MIB, true))
                        .hasMessageContaining("huge page size");
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }

    static Optional<Path> hugetlbfsMount() throws IOException {
        return Files.readAllLines(Path.of("/proc/mounts")).stream().map(l -> l.split(" "))
                .filter(f -> f.length > 2 && f[2].equals("hugetlbfs")).map(f -> Path.of(f[1]))
                .filter(Files::isWritable).findFirst();
    }
}
