package io.jfamfs.famfs.daemon;

import static io.jfamfs.testing.ShmDevices.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.api.Interleave;
import io.jfamfs.fuse.session.MountOptions;
import io.jfamfs.sys.Posix;
import io.jfamfs.testing.ShmDevices;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end in one JVM: a formatted /dev/shm device, the api, and real mounts served in-process. */
class FamfsMountTest {
    @TempDir
    Path tmp;
    private ShmDevices devices;
    private Path device;
    private Famfs master;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final List<Path> mountpoints = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/fuse")), "/dev/fuse is missing or not writable");
        assumeTrue("root".equals(System.getProperty("user.name")), "mount(2) needs root");
        devices = new ShmDevices(tmp);
        device = devices.formatted(256 * MiB);
        master = Famfs.open(device, devices.master());
        master.mkdir("dir", 0755, 0, 0);
        FamfsFile a = master.create("dir/a.bin", 3 * MiB + 123, 0644, 0, 0);
        fill(a.map(), 7);
        FamfsFile s = master.create("small.txt", 6, 0644, 0, 0);
        MemorySegment.copy("hello\n".getBytes(StandardCharsets.US_ASCII), 0, s.map(), ValueLayout.JAVA_BYTE, 0, 6);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
        for (Path m : mountpoints) {
            try {
                Posix.umount2(m.toString(), Posix.MNT_DETACH);
            } catch (IOException ignored) {
                // not mounted any more: expected
            }
        }
        if (master != null) {
            master.close();
        }
        if (devices != null) {
            devices.close();
        }
    }

    static void fill(MemorySegment m, long seed) {
        for (long i = 0; i < m.byteSize(); i++) {
            m.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + seed + (i >>> 12)));
        }
    }

    private Path mount(Famfs fs, String name, DaemonConfig config) throws IOException {
        Path mnt = Files.createDirectory(tmp.resolve(name));
        mountpoints.add(mnt);
        FamfsServer server = FamfsServer.start(fs, config, MountOptions.of(device.toString(), mnt));
        cleanup.add(server);
        return mnt;
    }

    @Test
    void shouldListReadAndCompareThroughTheMount() throws Exception {
        Path mnt = mount(master, "m", DaemonConfig.defaults());
        try (Stream<Path> s = Files.list(mnt)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".meta", "dir", "small.txt");
        }
        assertThat(run("ls", "-la", mnt.resolve("dir").toString())).contains("a.bin");
        assertThat(run("cat", mnt.resolve("small.txt").toString())).isEqualTo("hello\n");
        Path expected = tmp.resolve("expected.bin");
        Files.write(expected, master.file("dir/a.bin").orElseThrow().map().toArray(ValueLayout.JAVA_BYTE));
        run("cmp", expected.toString(), mnt.resolve("dir/a.bin").toString());
        Path copy = tmp.resolve("copy.bin");
        run("dd", "if=" + mnt.resolve("dir/a.bin"), "of=" + copy, "bs=1M", "status=none");
        assertThat(Files.mismatch(copy, expected)).isEqualTo(-1);
        assertThat(Files.size(mnt.resolve("dir/a.bin"))).isEqualTo(3 * MiB + 123);
        assertThat(Files.size(mnt.resolve(".meta/.superblock"))).isEqualTo(2 * MiB);
        assertThat(Files.size(mnt.resolve(".meta/.log"))).isEqualTo(master.superblock().logLength());
        byte[] sb = Files.readAllBytes(mnt.resolve(".meta/.superblock"));
        assertThat(ByteBuffer.wrap(sb).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0))
                .isEqualTo(master.superblock().magic());
    }

    @Test
    void shouldWriteWithinTheFileAndRefuseToGrowIt() throws Exception {
        Path mnt = mount(master, "m", DaemonConfig.defaults());
        Path src = tmp.resolve("src.bin");
        byte[] bytes = new byte[2 * (int) MiB];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        Files.write(src, bytes);
        run("dd", "if=" + src, "of=" + mnt.resolve("dir/a.bin"), "bs=1M", "conv=notrunc,fsync", "status=none");
        MemorySegment a = master.file("dir/a.bin").orElseThrow().map();
        assertThat(a.asSlice(0, bytes.length).toArray(ValueLayout.JAVA_BYTE)).isEqualTo(bytes);
        try (FileChannel ch = FileChannel.open(mnt.resolve("small.txt"), StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> ch.write(ByteBuffer.wrap(new byte[] {1}), 6)).isInstanceOf(IOException.class)
                    .hasMessageContaining("too large");
        }
        assertThatThrownBy(() -> Files.delete(mnt.resolve("small.txt"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Files.move(mnt.resolve("small.txt"), mnt.resolve("other.txt")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Files.createFile(mnt.resolve("new.txt"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not permitted");
        assertThat(Files.readString(mnt.resolve("small.txt"))).isEqualTo("hello\n"); // still up
    }

    @Test
    void shouldMapAFileSharedThroughTheMount() throws Exception {
        Path mnt = mount(master, "m", DaemonConfig.defaults());
        MemorySegment a = master.file("dir/a.bin").orElseThrow().map();
        try (FileChannel ch = FileChannel.open(mnt.resolve("dir/a.bin"), StandardOpenOption.READ,
                StandardOpenOption.WRITE); Arena arena = Arena.ofConfined()) {
            MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 2 * MiB, arena); // MAP_SHARED
            assertThat(m.get(ValueLayout.JAVA_BYTE, 4097)).isEqualTo(a.get(ValueLayout.JAVA_BYTE, 4097));
            m.set(ValueLayout.JAVA_BYTE, 10, (byte) 0x5a);
            m.force();
        } // unmapped here, so the unmount below is not busy
        assertThat(a.get(ValueLayout.JAVA_BYTE, 10)).isEqualTo((byte) 0x5a);
    }

    @Test
    void shouldLogMkdirOnTheMasterAndRefuseItOnAClient() throws Exception {
        Path mnt = mount(master, "m", DaemonConfig.defaults());
        Files.createDirectory(mnt.resolve("dir/made-by-mkdir"));
        try (Famfs reader = Famfs.open(device, devices.client())) {
            assertThat(reader.lookup("dir/made-by-mkdir")).isPresent();
        }
        Famfs client = Famfs.open(device, devices.client());
        cleanup.add(client);
        Path c = mount(client, "c", DaemonConfig.defaults());
        assertThatThrownBy(() -> Files.createDirectory(c.resolve("nope"))).isInstanceOf(IOException.class)
                .hasMessageContaining("Read-only");
    }

    @Test
    void shouldShowFilesTheMasterCreatesOnAClientWithoutManualRefresh() throws Exception {
        Famfs client = Famfs.open(device, devices.client());
        cleanup.add(client);
        Path c = mount(client, "c", DaemonConfig.defaults());
        assertThat(Files.exists(c.resolve("late.bin"))).isFalse();
        FamfsFile late = master.create("late.bin", 1 * MiB, 0644, 0, 0);
        fill(late.map(), 99);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!Files.exists(c.resolve("late.bin")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readAllBytes(c.resolve("late.bin"))).isEqualTo(late.map().toArray(ValueLayout.JAVA_BYTE));
        master.mkdir("later-dir", 0755, 0, 0);
        Thread.sleep(1500); // the timer, not a lookup miss, must bring it into the listing
        try (Stream<Path> s = Files.list(c)) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("later-dir");
        }
    }

    @Test
    void shouldRefuseWritesAndMkdirOnAReadOnlyMount() throws Exception {
        Path mnt = mount(master, "ro", DaemonConfig.defaults().withReadOnly(true));
        assertThat(Files.readString(mnt.resolve("small.txt"))).isEqualTo("hello\n");
        assertThatThrownBy(() -> Files.writeString(mnt.resolve("small.txt"), "x", StandardOpenOption.WRITE))
                .isInstanceOf(IOException.class).hasMessageContaining("Read-only");
        assertThatThrownBy(() -> Files.createDirectory(mnt.resolve("d2"))).isInstanceOf(IOException.class);
        assertThat(run("grep", " " + mnt + " ", "/proc/mounts")).contains("fuse.jfamfs ro,");
    }

    @Test
    void shouldReportDeviceSizeAndUsageToDf() throws Exception {
        Path mnt = mount(master, "m", DaemonConfig.defaults());
        String[] line = run("df", "-B1", "--output=size,used", mnt.toString()).strip().split("\n")[1].trim().split("\\s+");
        assertThat(Long.parseLong(line[0])).isEqualTo(master.deviceSize());
        assertThat(Long.parseLong(line[1])).isEqualTo(master.deviceSize() - master.freeBytes());
    }

    @Test
    void shouldFailEveryRequestOnceTheDeviceIsReformatted() throws Exception {
        Famfs client = Famfs.open(device, devices.client());
        cleanup.add(client);
        Path c = mount(client, "c", DaemonConfig.defaults().withCacheMode(CacheMode.NEVER));
        assertThat(Files.readString(c.resolve("small.txt"))).isEqualTo("hello\n");
        Famfs.format(device, FormatOptions.defaults().withForce(true).withSystemUuidFile(devices.masterUuidFile));
        Thread.sleep(1200);
        assertThatThrownBy(() -> Files.readString(c.resolve("small.txt"))).isInstanceOf(IOException.class);
    }

    @Test
    void shouldReadAndWriteAnInterleavedFileAcrossChunkBoundaries() throws Exception {
        Path big = devices.formatted(4 * ShmDevices.GiB);
        try (Famfs fs = Famfs.open(big, devices.master())) {
            FamfsFile f = fs.create("striped.bin", 10 * MiB + 7, 0644, 0, 0, new Interleave(2, 2, 2 * MiB));
            assertThat(f.fmap()).isInstanceOf(io.jfamfs.omf.Fmap.Interleaved.class);
            MemorySegment m = f.map();
            fill(m, 11);
            Path mnt = Files.createDirectory(tmp.resolve("s"));
            mountpoints.add(mnt);
            try (FamfsServer server = FamfsServer.start(fs, DaemonConfig.defaults(), MountOptions.of(big.toString(), mnt))) {
                Path p = mnt.resolve("striped.bin");
                assertThat(Files.readAllBytes(p)).isEqualTo(m.toArray(ValueLayout.JAVA_BYTE));
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.allocate((int) MiB);
                    assertThat(ch.read(buf, 3 * MiB / 2)).isEqualTo((int) MiB); // chunk 0 | chunk 1: two strips
                    assertThat(buf.array()).isEqualTo(m.asSlice(3 * MiB / 2, MiB).toArray(ValueLayout.JAVA_BYTE));
                    byte[] ones = new byte[(int) MiB];
                    java.util.Arrays.fill(ones, (byte) 1);
                    assertThat(ch.write(ByteBuffer.wrap(ones), 7 * MiB / 2)).isEqualTo((int) MiB);
                }
                assertThat(m.asSlice(7 * MiB / 2, MiB).toArray(ValueLayout.JAVA_BYTE)).containsOnly((byte) 1);
            }
        }
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }
}
