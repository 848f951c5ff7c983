package io.jfamfs.api;

import static io.jfamfs.testing.ShmDevices.GiB;
import static io.jfamfs.testing.ShmDevices.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.log.FsckReport;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.testing.ShmDevices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloneForTestingTest {
    @RegisterExtension
    final ShmDevices devices = new ShmDevices();

    @Test
    void shouldLogACrossLinkThatReplayRefusesAndFsckReports() throws Exception {
        Path dev = devices.formatted(GiB);
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            fs.create("src", 6 * MiB);
            fs.cloneForTesting("src", "dest");

            assertThat(fs.logHeader().nextIndex()).isEqualTo(2);             // the clone is on the device
            assertThat(fs.lookup("dest")).isEmpty();                        // but never served
            FsckReport report = fs.fsck();
            assertThat(report.collisions()).isEqualTo(3);                   // 6 MiB = 3 units claimed twice
            assertThat(report.errors()).anySatisfy(p -> {
                assertThat(p.index()).isEqualTo(1);
                assertThat(p.message()).contains("overlaps");
            });
        }
    }

    @Test
    void shouldRefuseCloningWhatIsNotAFileOrOnAClient() throws Exception {
        Path dev = devices.formatted(GiB);
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            fs.mkdir("dir", 0755, 0, 0);
            assertThatThrownBy(() -> fs.cloneForTesting("dir", "x")).hasMessageContaining("not a famfs file");
            assertThatThrownBy(() -> fs.cloneForTesting("missing", "x")).hasMessageContaining("no such file");
        }
        try (Famfs client = Famfs.open(dev, devices.client())) {
            assertThatThrownBy(() -> client.cloneForTesting("dir", "x")).isInstanceOf(ErrnoException.class)
                    .hasMessageContaining("client");
        }
    }
}
