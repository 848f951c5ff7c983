package io.jfamfs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jfamfs.api.FamfsFile;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.log.FsckReport;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What must hold when things go wrong (issue 3), against real mounts driven through bin/famfs: a
 * killed daemon, many writers at once under a reading client, a device re-formatted under a client,
 * and df's numbers. Each test has its own sparse device and mounts, always unmounted and deleted.
 */
class ReliabilityIT {
    private static final long MiB = 1L << 20, GiB = 1L << 30;
    private static final long LOG_LEN = 8 * MiB, RESERVED = 2 * MiB + LOG_LEN; // superblock region + default log

    Path work;
    Path dev;
    Path masterUuid;
    Path clientUuid;
    Famfs f;
    Famfs client;
    final List<Path> mounts = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Famfs.isRoot(), "mount tests need root");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "mount tests need /dev/fuse");
        work = Files.createTempDirectory("jfamfs-rel");
        dev = Path.of("/dev/shm/jfamfs-it-rel-" + UUID.randomUUID());
        masterUuid = work.resolve("master_uuid");
        clientUuid = work.resolve("client_uuid");
        f = new Famfs(masterUuid);
        client = f.withUuidFile(clientUuid);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (f != null) {
            Famfs.removeAll(work, dev, mounts);
        }
    }

    private void makeDevice(String size) {
        ok(f.famfs("dev", "create", "--size", size, dev.toString()));
        ok(f.mkfs(dev.toString()));
    }

    private Path mount(Famfs host, String name) throws IOException {
        Path at = Files.createDirectory(work.resolve(name));
        ok(host.famfs("mount", "--log", log(name).toString(), dev.toString(), at.toString()));
        mounts.add(at);
        return at;
    }

    private Path log(String name) {
        return work.resolve(name + ".log");
    }

    private FamfsOptions host(Path uuidFile) {
        return FamfsOptions.builder().systemUuidFile(uuidFile).build();
    }

    private static Famfs.Result ok(Famfs.Result r) {
        assertThat(r.exit()).as("%s", r).isZero();
        return r;
    }

    private static long daemonOf(Path mountpoint) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("DaemonMain")
                && List.of(p.info().arguments().orElse(new String[0])).contains(mountpoint.toString())).findFirst().orElseThrow(() -> new AssertionError("no daemon serves " + mountpoint)).pid();
    }

    private void assertFsckClean(String target) {
        Famfs.Result r = ok(f.famfs("fsck", "--json", target));
        assertThat(r.out()).as("%s", r).contains("\"errors\": []", "\"collisions\": 0", "\"bad_entries\": 0");
    }

    @Test
    void aKilledDaemonLeavesAnUnmountableMountAndACleanDeviceThatMountsAgainWithTheSameBytes() throws Exception {
        makeDevice("4G");
        Path mpt = mount(f, "m");
        ok(f.famfs("mkdir", mpt.resolve("d").toString()));
        ok(f.famfs("creat", "-r", "-S", "5", "-s", "3m", mpt.resolve("d/k1").toString()));
        ok(f.famfs("creat", "-r", "-S", "6", "-s", "100k", mpt.resolve("k2").toString()));
        byte[] k1 = Files.readAllBytes(mpt.resolve("d/k1"));
        long pid = daemonOf(mpt);

        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        assertThatThrownBy(() -> Files.readAllBytes(mpt.resolve("d/k1"))).isInstanceOf(IOException.class);
        ok(f.famfs("umount", mpt.toString()));
        assertThat(f.exec("findmnt", mpt.toString()).exit()).isNotZero();
        assertFsckClean(dev.toString());

        ok(f.famfs("mount", "--log", log("m2").toString(), dev.toString(), mpt.toString()));
        assertThat(Files.readAllBytes(mpt.resolve("d/k1"))).isEqualTo(k1);
        ok(f.famfs("verify", "-S", "5", "-f", mpt.resolve("d/k1").toString()));
        ok(f.famfs("verify", "-S", "6", "-f", mpt.resolve("k2").toString()));
        ok(f.famfs("creat", "-s", "1m", mpt.resolve("after-kill").toString())); // the log takes appends again
        ok(f.famfs("umount", mpt.toString()));
        mounts.remove(mpt);
        assertFsckClean(dev.toString());
    }

    /** The size of test file {@code name}: 1 byte to 4 MiB, so files take one or two units. */
    private static long sizeOf(String name) {
        return 1 + Math.floorMod(name.hashCode() * 0x9E3779B1L, 4 * MiB);
    }

    @Test
    void fourWritersLoseNothingAndShareNoUnitWhileAClientListsAndReads() throws Exception {
        makeDevice("16G");
        Path mpt = mount(f, "m");
        Path cpt = mount(client, "c");
        int perWriter = 500, batch = 25;
        try (io.jfamfs.api.Famfs api = io.jfamfs.api.Famfs.open(dev, host(masterUuid))) {
            api.mkdir("w", 0755, 0, 0);
            ExecutorService pool = Executors.newFixedThreadPool(5);
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> clientProblems = new ConcurrentLinkedQueue<>();
            List<Future<?>> writers = new ArrayList<>();
            AtomicInteger cliDone = new AtomicInteger(); // files the creat processes made so far
            for (String w : List.of("a", "b")) { // two threads through the Java API
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        while (i > cliDone.get() / 2 + batch && writing.get()) {
                            Thread.sleep(5); // keep pace with the processes, so that all four write at once
                        }
                        String name = w + i;
                        api.create("w/" + name, sizeOf(name), 0644, 0, 0);
                    }
                    return null;
                }));
            }
            for (String w : List.of("c", "d")) { // two threads running `famfs creat -M` processes
                writers.add(pool.submit(() -> {
                    for (int from = 0; from < perWriter; from += batch) {
                        List<String> args = new ArrayList<>(List.of("creat"));
                        for (int i = from; i < from + batch; i++) {
                            String name = w + i;
                            args.add("-M");
                            args.add(mpt.resolve("w/" + name) + "," + sizeOf(name));
                        }
                        ok(f.famfs(args.toArray(String[]::new)));
                        cliDone.addAndGet(batch);
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> { // the client host lists and reads all along
                Set<String> seen = new HashSet<>();
                int rounds = 0;
                while (writing.get()) {
                    Set<String> now = new HashSet<>(names(cpt.resolve("w")));
                    if (!now.containsAll(seen)) {
                        Set<String> lost = new HashSet<>(seen);
                        lost.removeAll(now);
                        clientProblems.add("round " + rounds + ": entries disappeared: " + lost);
                    }
                    seen = now;
                    int k = 0;
                    for (String name : now) {
                        if (k++ == 8) {
                            break;
                        }
                        Path p = cpt.resolve("w").resolve(name);
                        if (Files.size(p) != sizeOf(name)) {
                            clientProblems.add(name + ": size " + Files.size(p) + ", expected " + sizeOf(name));
                        }
                        try (InputStream in = Files.newInputStream(p)) {
                            in.readNBytes(4096);
                        }
                    }
                    rounds++;
                }
                return rounds;
            });
            try {
                for (Future<?> w : writers.reversed()) { // a failed process fails its thread first
                    w.get(100, TimeUnit.SECONDS);
                }
            } finally {
                writing.set(false);
                pool.shutdown();
            }
            assertThat(reader.get(30, TimeUnit.SECONDS)).as("client listing rounds").isPositive();
            assertThat(clientProblems).isEmpty();

            Set<String> all = new HashSet<>();
            for (String w : List.of("a", "b", "c", "d")) {
                for (int i = 0; i < perWriter; i++) {
                    all.add(w + i);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (names(cpt.resolve("w")).size() < all.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(names(cpt.resolve("w"))).containsExactlyInAnyOrderElementsOf(all);
            for (String name : all) {
                assertThat(Files.size(cpt.resolve("w").resolve(name))).as(name).isEqualTo(sizeOf(name));
            }

            api.refresh();
            assertThat(api.namespace().fileCount()).isEqualTo(all.size());
            List<SimpleExtent> extents = new ArrayList<>();
            for (Node n : api.list("w")) {
                FileNode file = (FileNode) n;
                assertThat(file.size()).as(file.relpath()).isEqualTo(sizeOf(file.name()));
                extents.addAll(((Fmap.Simple) file.fmap()).extents());
            }
            extents.sort(Comparator.comparingLong(SimpleExtent::offset));
            for (int i = 1; i < extents.size(); i++) {
                assertThat(extents.get(i).offset()).as("extent %s after %s", extents.get(i), extents.get(i - 1))
                        .isGreaterThanOrEqualTo(extents.get(i - 1).end());
            }
            FsckReport report = api.fsck();
            assertThat(report.errors()).isEmpty();
            assertThat(report.collisions()).isZero();
        }
        assertFsckClean(mpt.toString());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aClientStopsServingWithEioAndSaysWhyWhenAnotherHostReformatsTheDevice() throws Exception {
        makeDevice("4G");
        byte[] bytes;
        try (io.jfamfs.api.Famfs api = io.jfamfs.api.Famfs.open(dev, host(masterUuid))) {
            FamfsFile r1 = api.create("r1", 64 * 1024, 0644, 0, 0);
            MemorySegment m = r1.map();
            for (long i = 0; i < m.byteSize(); i++) {
                m.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 13));
            }
            bytes = m.toArray(ValueLayout.JAVA_BYTE);
        }
        Path cpt = mount(client, "c");
        assertThat(Files.readAllBytes(cpt.resolve("r1"))).isEqualTo(bytes);
        long pid = daemonOf(cpt);

        // another host runs mkfs.famfs -f: a new superblock and fs uuid, an empty log (famfs issue #135)
        io.jfamfs.api.Famfs.format(dev, FormatOptions.defaults().withForce(true).withSystemUuidFile(masterUuid));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        IOException failure = null;
        while (failure == null && System.nanoTime() < deadline) {
            try {
                Files.readAllBytes(cpt.resolve("r1"));
                Thread.sleep(100);
            } catch (IOException e) {
                failure = e;
            }
        }
        assertThat(failure).as("reads of the old file after the re-format").isNotNull();
        assertThat(String.valueOf(failure.getMessage())).containsAnyOf("Input/output error", "Stale file handle");
        assertThatThrownBy(() -> names(cpt)).isInstanceOf(IOException.class);
        assertThat(Files.readString(log("c"))).contains("superblock of " + dev + " changed", "re-formatted",
                "every request now fails with EIO");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the daemon keeps running").contains(true);

        ok(client.famfs("umount", cpt.toString()));
        mounts.remove(cpt);
        assertThat(f.exec("findmnt", cpt.toString()).exit()).isNotZero();
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    @Test
    void dfShowsTheDeviceSizeAndTheSpaceReallyAllocated() throws Exception {
        makeDevice("4G");
        Path mpt = mount(f, "m");
        Path cpt = mount(client, "c");
        try (io.jfamfs.api.Famfs api = io.jfamfs.api.Famfs.open(dev, host(clientUuid))) {
            assertDf(mpt, api);
            assertDf(cpt, api);
            assertThat(used(mpt)).isEqualTo(RESERVED); // nothing but the superblock and the log yet
            ok(f.famfs("creat", "-s", "100m", mpt.resolve("a").toString()));
            ok(f.famfs("creat", "-M", mpt.resolve("b") + ",1", "-M", mpt.resolve("c") + ",3m"));
            ok(f.famfs("mkdir", mpt.resolve("d").toString()));
            api.refresh();
            assertThat(api.allocatedBytes()).isEqualTo(100 * MiB + 2 * MiB + 4 * MiB); // whole 2 MiB units
            assertDf(mpt, api);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); // the client daemon's refresh timer
            while (used(cpt) != api.allocatedBytes() + RESERVED && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertDf(cpt, api);
        }
    }

    private long[] df(Path mnt) {
        Famfs.Result r = ok(f.exec("df", "-B1", "--output=size,used,avail", mnt.toString()));
        String[] v = r.out().strip().split("\n")[1].trim().split("\\s+");
        return new long[] {Long.parseLong(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2])};
    }

    private long used(Path mnt) {
        return df(mnt)[1];
    }

    private void assertDf(Path mnt, io.jfamfs.api.Famfs api) {
        long[] df = df(mnt);
        assertThat(df[0]).as("df size of %s", mnt).isEqualTo(4 * GiB).isEqualTo(api.deviceSize());
        assertThat(df[1]).as("df used of %s", mnt).isEqualTo(api.allocatedBytes() + RESERVED);
        assertThat(df[2]).as("df avail of %s", mnt).isEqualTo(api.freeBytes());
    }
}
