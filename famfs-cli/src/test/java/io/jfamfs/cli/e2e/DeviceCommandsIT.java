package io.jfamfs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mkfs.famfs, dev create and fsck on an emulated device, without a mount (famfs-cli.md G.1-G.7, B mkfs
 * and fsck rows). The device is a sparse 8 GiB file in /dev/shm, deleted after each test.
 */
class DeviceCommandsIT {
    @TempDir
    Path tmp;
    Path dev;
    Famfs f;

    @BeforeEach
    void setUp() {
        assumeTrue(Famfs.isRoot(), "mkfs.famfs must run as root; skipping device tests");
        dev = Path.of("/dev/shm/jfamfs-it-" + UUID.randomUUID());
        f = new Famfs(tmp.resolve("system_uuid"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (dev != null) {
            Files.deleteIfExists(dev);
        }
    }

    private Famfs.Result ok(Famfs.Result r) {
        assertThat(r.exit()).as("%s", r).isZero();
        return r;
    }

    private Famfs.Result fails(Famfs.Result r, int code) {
        assertThat(r.exit()).as("%s", r).isEqualTo(code);
        assertThat(r.err()).as("%s", r).isNotBlank().doesNotContain("\tat ");
        return r;
    }

    private String logLen() {
        Famfs.Result r = ok(f.famfs("fsck", "-v", dev.toString()));
        return r.out().lines().filter(l -> l.contains("log_len")).findFirst().orElseThrow().split("\\s+")[2];
    }

    @Test
    void mkfsShouldFormatCheckRefuseAndKillAsTheReference() {
        ok(f.famfs("dev", "create", "--size", "8G", dev.toString()));
        // G.1
        ok(f.mkfs("-h"));
        fails(f.mkfs(), 1);
        fails(f.mkfs("/tmp/nonexistent-" + UUID.randomUUID()), 2);
        // G.3
        Famfs.Result made = ok(f.mkfs(dev.toString()));
        assertThat(made.out()).contains("No allocation errors found");
        Famfs.Result fsck = ok(f.famfs("fsck", "-v", dev.toString()));
        assertThat(fsck.out()).contains("log_len:           8388608").contains("0 files").contains("Owner");
        // G.4
        assertThat(fails(f.mkfs(dev.toString()), 2).err()).contains("already has a famfs superblock");
        fails(f.mkfs("-k", dev.toString()), 2);
        // G.6
        for (String len : new String[] {"1", "11m", "1m"}) {
            fails(f.mkfs("-f", "--loglen", len, dev.toString()), 2);
            assertThat(logLen()).isEqualTo("8388608");
        }
        // G.7
        ok(f.mkfs("-f", "--loglen", "256m", dev.toString()));
        assertThat(logLen()).isEqualTo("268435456");
        fails(f.mkfs(dev.toString()), 2);
        ok(f.mkfs("-f", dev.toString()));
        assertThat(logLen()).isEqualTo("8388608");
        // G.5
        ok(f.mkfs("-f", "-k", dev.toString()));
        assertThat(f.famfs("fsck", dev.toString()).exit()).isNotZero().isLessThan(128);
        ok(f.mkfs(dev.toString()));
        ok(f.mkfs("-v", "-f", dev.toString()));
    }

    @Test
    void mkfsShouldRefuseDevicesSmallerThan4GiB() throws IOException {
        ok(f.famfs("dev", "create", "--size", "2G", dev.toString()));
        assertThat(fails(f.mkfs(dev.toString()), 2).err()).contains("4 GiB");
    }

    @Test
    void mkfsShouldRefuseAnotherHostsSuperblockWithoutForce() {
        ok(f.famfs("dev", "create", "--size", "4G", dev.toString()));
        ok(f.mkfs(dev.toString()));
        Famfs other = f.withUuidFile(tmp.resolve("other_uuid"));
        fails(other.mkfs(dev.toString()), 2);
        assertThat(ok(other.famfs("fsck", dev.toString())).out()).contains("Client");
        ok(other.mkfs("-f", dev.toString()));
        assertThat(ok(other.famfs("fsck", dev.toString())).out()).contains("Owner");
    }

    @Test
    void fsckShouldPrintOneJsonObjectAndHumanSizes() {
        ok(f.famfs("dev", "create", "--size", "4G", dev.toString()));
        ok(f.mkfs(dev.toString()));
        Famfs.Result json = ok(f.famfs("fsck", "--json", dev.toString()));
        assertThat(json.out().strip()).startsWith("{").endsWith("}")
                .contains("\"crc_ok\": true", "\"next_index\": 0", "\"entries\": []", "\"errors\": []",
                        "\"log_len\": 8388608", "\"free_bytes\": ");
        assertThat(ok(f.famfs("fsck", "-h", dev.toString())).out()).contains("Device capacity:        4.00G");
        ok(f.famfs("fsck", "-?"));
        fails(f.famfs("fsck"), 2);
        fails(f.famfs("fsck", "/boguspath-" + UUID.randomUUID()), 2);
        fails(f.famfs("fsck", "-rm", dev.toString()), 2);
        ok(f.famfs("fsck", "-m", dev.toString()));
        ok(f.famfs("fsck", "-r", "-vv", dev.toString()));
        ok(f.famfs("fsck", "-B", "4", dev.toString()));
    }

    @Test
    void devCreateShouldMakeASparseFileAndRefuseToOverwrite() throws IOException {
        ok(f.famfs("dev", "create", "--size", "8G", dev.toString()));
        assertThat(Files.size(dev)).isEqualTo(8L << 30);
        fails(f.famfs("dev", "create", "--size", "8G", dev.toString()), 17);
        ok(f.famfs("dev", "create", "-f", "--size", "4G", dev.toString()));
        assertThat(Files.size(dev)).isEqualTo(4L << 30);
        fails(f.famfs("dev", "create", "--size", "3m", dev.toString()), 1);
    }
}
