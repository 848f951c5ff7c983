package io.jfamfs.famfs.daemon;

import static io.jfamfs.testing.ShmDevices.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.device.DaxDevice;
import io.jfamfs.log.Problem;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.LogEntryLayout;
import io.jfamfs.omf.LogEntryView;
import io.jfamfs.omf.LogHeaderLayout;
import io.jfamfs.omf.LogHeaderView;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.RelPathBytes;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.testing.GoldenImages;
import io.jfamfs.testing.ShmDevices;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Devices a daemon process must survive: every reference golden image, and crafted logs with bad
 * entries. Each is mounted by a client daemon; the good entries are served, the bad ones refused and
 * named (index and reason) in the daemon's log, or the mount is refused with a clear message. Every
 * step through the mount has a time limit: a hang fails the test instead of blocking it.
 */
class ImageMountTest {
    static final List<String> IMAGES = GoldenImages.NAMES;
    private static final ExecutorService IO = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());

    @TempDir
    Path tmp;
    private ShmDevices devices;
    private Daemons daemons;

    @BeforeEach
    void setUp() {
        assumeTrue(Files.isWritable(Path.of("/dev/fuse")), "/dev/fuse is missing or not writable");
        assumeTrue("root".equals(System.getProperty("user.name")), "mount(2) needs root");
        devices = new ShmDevices(tmp);
        daemons = new Daemons(tmp, devices);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (daemons != null) {
            daemons.close();
        }
    }

    @ParameterizedTest
    @FieldSource("IMAGES")
    void shouldServeEveryGoldenImageAsTheApiReplaysIt(String name) throws Exception {
        Path dev = devices.golden(name);
        Map<String, Long> expected;
        List<Problem> problems;
        try (Famfs fs = Famfs.open(dev, FamfsOptions.builder().systemUuidFile(devices.clientUuidFile).readOnly(true)
                .build())) {
            expected = tree(fs);
            problems = fs.problems();
        }
        DaemonArgs a = daemons.args(dev, "g", devices.clientUuidFile);
        MountLauncher.Result r = daemons.mount(a);
        assertThat(r.mounted()).as(r.message()).isTrue();
        assertThat(within(() -> walk(a.mountpoint()))).as(name).isEqualTo(expected);
        String log = Files.readString(daemons.log("g"));
        for (Problem p : problems) {
            assertThat(log).as(name).contains(p.index() < 0 ? p.message() : "log entry " + p.index() + " of " + dev);
        }
        assertThat(ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive)).contains(true);
    }

    @Test
    void shouldServeTheGoodEntriesOfACraftedLogAndNameEachBadOneInTheDaemonLog() throws Exception {
        Path dev = devices.formatted(256 * MiB);
        long deviceSize;
        FileNode g0node;
        byte[] g0, g1;
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            deviceSize = fs.deviceSize();
            fs.mkdir("ok", 0755, 0, 0);                                            // 0
            FamfsFile f = fs.create("ok/g0", 3 * MiB + 1, 0644, 0, 0);             // 1
            FamfsMountTest.fill(f.map(), 1);
            g0 = f.map().toArray(ValueLayout.JAVA_BYTE);
            g0node = f.node();
        }
        SimpleExtent g0first = ((Fmap.Simple) g0node.fmap()).extents().getFirst();
        try (DaxDevice d = DaxDevice.open(dev, DaxDevice.Access.READ_WRITE)) {
            MemorySegment log = d.slice(OmfConstants.LOG_OFFSET, 8 * MiB);
            append(log, file("../escape", 200 * MiB, 2 * MiB));                  // 2
            append(log, file("/abs", 202 * MiB, 2 * MiB));                       // 3
            append(log, mkdir("../up"));                                          // 4
            append(log, mkdir("/absdir"));                                        // 5
            append(log, file("ok/g0", 204 * MiB, 2 * MiB));                      // 6 a duplicate path
            append(log, file("overlap", g0first.offset(), g0first.length()));   // 7 g0's units again
            append(log, file("past-end", deviceSize - 2 * MiB, 4 * MiB));        // 8
        }
        try (Famfs fs = Famfs.open(dev, devices.master())) {                    // appends go on after rejected entries
            FamfsFile f = fs.create("ok/g1", MiB, 0644, 0, 0);                    // 9
            FamfsMountTest.fill(f.map(), 2);
            g1 = f.map().toArray(ValueLayout.JAVA_BYTE);
        }
        try (DaxDevice d = DaxDevice.open(dev, DaxDevice.Access.READ_WRITE)) {
            MemorySegment log = d.slice(OmfConstants.LOG_OFFSET, 8 * MiB);
            long bad = append(log, file("ok/bad-crc", 206 * MiB, 2 * MiB));       // 10
            MemorySegment slot = LogEntryView.at(log, bad).segment();
            slot.set(ValueLayout.JAVA_LONG, LogEntryLayout.CRC_OFFSET, ~slot.get(ValueLayout.JAVA_LONG,
                    LogEntryLayout.CRC_OFFSET));
            append(log, file("ok/after-bad-crc", 208 * MiB, 2 * MiB));            // 11: replay stops at 10
        }

        DaemonArgs a = daemons.args(dev, "c", devices.clientUuidFile);
        MountLauncher.Result r = daemons.mount(a);
        assertThat(r.mounted()).as(r.message()).isTrue();
        Path mnt = a.mountpoint();
        assertThat(within(() -> walk(mnt))).isEqualTo(Map.of("ok", -1L, "ok/g0", 3 * MiB + 1, "ok/g1", MiB));
        assertThat(within(() -> Files.readAllBytes(mnt.resolve("ok/g0")))).isEqualTo(g0);
        assertThat(within(() -> Files.readAllBytes(mnt.resolve("ok/g1")))).isEqualTo(g1);
        assertThat(within(() -> Files.exists(mnt.resolve("ok/after-bad-crc")))).isFalse();
        assertThat(within(() -> Files.exists(mnt.resolve("overlap")))).isFalse();

        List<String> refused = Files.readAllLines(daemons.log("c")).stream().filter(l -> l.contains(" refused: ")).toList();
        assertThat(line(refused, 2)).contains("'..' component", "../escape");
        assertThat(line(refused, 3)).contains("absolute", "/abs");
        assertThat(line(refused, 4)).contains("'..' component", "../up");
        assertThat(line(refused, 5)).contains("absolute", "/absdir");
        assertThat(line(refused, 6)).contains("already exists", "ok/g0");
        assertThat(line(refused, 7)).contains("overlaps another file");
        assertThat(line(refused, 8)).contains("outside the device");
        assertThat(line(refused, 10)).contains("bad crc", "replay stops here");
        assertThat(refused).as("one line per bad entry, each once").hasSize(8);
        Thread.sleep(1500); // a few refresh ticks: still served, nothing logged twice, the daemon alive
        assertThat(within(() -> Files.readAllBytes(mnt.resolve("ok/g0")))).isEqualTo(g0);
        assertThat(Files.readAllLines(daemons.log("c")).stream().filter(l -> l.contains(" refused: "))).hasSize(8);
        assertThat(ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive)).contains(true);
    }

    @Test
    void shouldRefuseADeviceWhoseLogHeaderIsBadWithAClearMessage() throws Exception {
        Path dev = devices.formatted(64 * MiB);
        try (DaxDevice d = DaxDevice.open(dev, DaxDevice.Access.READ_WRITE)) {
            d.segment().set(ValueLayout.JAVA_LONG, OmfConstants.LOG_OFFSET + LogHeaderLayout.MAGIC_OFFSET, 0xbadL);
        }
        DaemonArgs a = daemons.args(dev, "h", devices.clientUuidFile);
        MountLauncher.Result r = within(() -> daemons.mount(a));
        assertThat(r.mounted()).isFalse();
        assertThat(r.message()).contains("log header");
        assertThat(Mounts.isMountpoint(a.mountpoint())).isFalse();
    }

    private static String line(List<String> lines, long index) {
        String tag = "log entry " + index + " of ";
        return lines.stream().filter(l -> l.contains(tag)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for entry " + index + " in " + lines));
    }

    private static LogEntry file(String relpath, long offset, long length) {
        return new LogEntry.FileEntry(0, length, OmfConstants.FM_ALL_HOSTS_RW, 0, 0, 0644, RelPathBytes.of(relpath),
                new Fmap.Simple(List.of(new SimpleExtent(0, offset, length))));
    }

    private static LogEntry mkdir(String relpath) {
        return new LogEntry.MkdirEntry(0, 0, 0, 0755, RelPathBytes.of(relpath));
    }

    /** Writes {@code e} (its seqnum set to the slot) at next_index and publishes it, as an append does; returns the slot. */
    private static long append(MemorySegment log, LogEntry e) {
        LogHeaderView h = new LogHeaderView(log);
        long i = h.nextIndex();
        LogEntry entry = switch (e) {
            case LogEntry.FileEntry f -> new LogEntry.FileEntry(i, f.size(), f.flags(), f.uid(), f.gid(), f.mode(),
                    f.relpath(), f.fmap());
            case LogEntry.MkdirEntry m -> new LogEntry.MkdirEntry(i, m.uid(), m.gid(), m.mode(), m.relpath());
            default -> throw new IllegalArgumentException(e.toString());
        };
        LogEntryView.at(log, i).encode(entry);
        h.setNextSeqnum(i + 1);
        h.setNextIndex(i + 1);
        return i;
    }

    /** Every node of {@code fs} but the root: relpath to size, -1 for a directory. */
    private static Map<String, Long> tree(Famfs fs) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        add(fs, fs.namespace().root(), out);
        return out;
    }

    private static void add(Famfs fs, DirNode dir, Map<String, Long> out) throws Exception {
        for (Node n : fs.list(dir.relpath())) {
            if (n instanceof DirNode d) {
                out.put(d.relpath(), -1L);
                add(fs, d, out);
            } else {
                out.put(n.relpath(), ((FileNode) n).size());
            }
        }
    }

    /** Walks the mount (not .meta); reads the first bytes of every file on the way. */
    private static Map<String, Long> walk(Path mnt) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(mnt)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = mnt.relativize(p).toString();
                if (rel.isEmpty() || rel.equals(".meta") || rel.startsWith(".meta/")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    out.put(rel, -1L);
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        in.readNBytes(4096);
                    }
                    out.put(rel, Files.size(p));
                }
            }
        }
        return out;
    }

    /** Runs {@code work} on another thread and fails if it takes more than 20 s (a hung mount). */
    private static <T> T within(Callable<T> work) throws Exception {
        Future<T> f = IO.submit(work);
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no answer within 20 s: the mount hangs", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }
}
