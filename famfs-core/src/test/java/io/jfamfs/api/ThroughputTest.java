package io.jfamfs.api;

import static io.jfamfs.testing.ShmDevices.GiB;
import static io.jfamfs.testing.ShmDevices.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.testing.ShmDevices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quick numbers for the report (printed), with bounds loose enough for a loaded machine. */
class ThroughputTest {
    @RegisterExtension
    final ShmDevices devices = new ShmDevices();

    @Test
    void shouldCreateTenThousandFilesQuickly() throws Exception {
        double rate = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            Path dev = devices.formatted(24 * GiB); // sparse: only the log is ever touched
            try (Famfs fs = Famfs.open(dev, devices.master())) {
                fs.mkdir("d", 0755, 0, 0);
                long t0 = System.nanoTime();
                for (int i = 0; i < 10_000; i++) {
                    fs.create("d/f" + i, 4096, 0644, 0, 0);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                rate = 10_000 / s;
                System.out.printf("10,000 creates (round %d): %.0f creates/s (%.1f µs each)%n", round, rate, s * 1e6 / 10_000);
                assertThat(fs.namespace().fileCount()).isEqualTo(10_000);
            }
            Files.delete(dev);
        }
        assertThat(rate).isGreaterThan(1_000);
    }

    @Test
    void shouldNameVmMaxMapCountWhenAFileNeedsTooManyMappings() throws Exception {
        long max = Long.parseLong(Files.readString(Path.of("/proc/sys/vm/max_map_count")).trim());
        assumeTrue(max <= 65530, "vm.max_map_count is raised on this machine");
        Path dev = devices.formatted(256 * GiB); // sparse; nothing but the log is touched
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            FamfsFile f = fs.create("huge", 140 * GiB, 0644, 0, 0, new Interleave(16, 16, 2 * MiB));
            assertThat(f.mappingCount()).isEqualTo(71_680);
            assertThatThrownBy(f::map).isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.is(Errno.ENOMEM)).isTrue())
                    .hasMessageContaining("needs 71680 mappings").hasMessageContaining("vm.max_map_count=" + max);
            long[] n = {0};
            f.forEachDeviceRange(0, 8 * MiB, (o, s) -> n[0] += s.byteSize()); // the per-range way still works
            assertThat(n[0]).isEqualTo(8 * MiB);
        }
    }
}
