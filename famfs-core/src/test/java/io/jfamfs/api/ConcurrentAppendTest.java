package io.jfamfs.api;

import static io.jfamfs.testing.ShmDevices.GiB;
import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.log.FsckReport;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.testing.ShmDevices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many appenders at once (threads, two Famfs objects, two processes) lose nothing and share no unit. */
class ConcurrentAppendTest {
    @RegisterExtension
    final ShmDevices devices = new ShmDevices();

    @Test
    void shouldLoseNoEntryWhenThreadsOfTwoInstancesAppendAtOnce() throws Exception {
        Path dev = devices.formatted(8 * GiB);
        int threads = 8, perThread = 100;
        try (Famfs a = Famfs.open(dev, devices.master()); Famfs b = Famfs.open(dev, devices.master())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Famfs fs = t % 2 == 0 ? a : b;
                String dir = "t" + t;
                long seed = t;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    fs.mkdir(dir, 0755, 0, 0);
                    for (int i = 0; i < perThread; i++) {
                        fs.create(dir + "/f" + i, 1 + r.nextLong(5L << 20), 0644, 0, 0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            a.refresh();
            b.refresh();
            checkConsistent(dev, threads * perThread, a, b);
            assertThat(ownerSwitches(a)).as("appends of the threads interleaved").isGreaterThan(threads);
        }
    }

    @Test
    void shouldLoseNoEntryWhenTwoProcessesAppendAtOnce() throws Exception {
        Path dev = devices.formatted(16 * GiB);
        int count = 2000;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process worker = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), AppendWorker.class.getName(), dev.toString(),
                devices.masterUuidFile.toString(), "other", Integer.toString(count), "7")
                .redirectErrorStream(true).start();
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(worker.getInputStream()));
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            fs.mkdir("mine", 0755, 0, 0);
            String first = lines.readLine(); // the worker is appending from now on
            assertThat(first).isEqualTo("started");
            Random r = new Random(3);
            for (int i = 0; i < count; i++) {
                fs.create("mine/f" + i, 1 + r.nextLong(3L << 20), 0644, 0, 0);
            }
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = lines.lines().collect(Collectors.joining("\n"));
            assertThat(worker.exitValue()).as(out).isZero();
            assertThat(out).contains("done " + count);
            fs.refresh();
            checkConsistent(dev, 2 * count, fs);
            assertThat(ownerSwitches(fs)).as("appends of the two processes interleaved").isGreaterThan(2);
        }
    }

    @Test
    void shouldLetAClientRefreshWhileTheMasterAppends() throws Exception {
        Path dev = devices.formatted(8 * GiB);
        int count = 3000;
        try (Famfs master = Famfs.open(dev, devices.master()); Famfs client = Famfs.open(dev, devices.client())) {
            master.mkdir("d", 0755, 0, 0);
            var done = new java.util.concurrent.atomic.AtomicBoolean();
            var refreshes = new java.util.concurrent.atomic.AtomicInteger();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> reader = pool.submit(() -> {
                long seen = 0;
                while (!done.get() || client.namespace().fileCount() < count) {
                    client.refresh();
                    refreshes.incrementAndGet();
                    long now = client.namespace().fileCount();
                    assertThat(now).isGreaterThanOrEqualTo(seen);
                    for (Node n : client.list("d")) { // whatever a listing shows resolves
                        assertThat(client.namespace().find(n.id())).isPresent();
                    }
                    seen = now;
                }
                return null;
            });
            for (int i = 0; i < count; i++) {
                master.create("d/f" + i, 1 + (i % 7) * 100_000L, 0644, 0, 0);
            }
            done.set(true);
            reader.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(client.problems()).isEmpty();
            assertThat(refreshes.get()).isGreaterThan(1);
            assertThat(client.namespace().fileCount()).isEqualTo(count);
        }
    }

    /** Counts how often consecutive log entries come from different top-level directories (writers). */
    private static int ownerSwitches(Famfs fs) {
        int switches = 0;
        String last = null;
        for (long id = 2; fs.namespace().find(id).isPresent(); id++) {
            String top = fs.namespace().find(id).get().relpath().split("/")[0];
            if (last != null && !top.equals(last)) {
                switches++;
            }
            last = top;
        }
        return switches;
    }

    private void checkConsistent(Path dev, int files, Famfs... open) throws Exception {
        try (Famfs fresh = Famfs.open(dev, devices.client())) {
            FsckReport r = fresh.fsck();
            assertThat(r.errors()).isEmpty();
            assertThat(r.collisions()).isZero();
            assertThat(r.files()).isEqualTo(files);
            assertThat(fresh.logHeader().nextIndex()).isEqualTo(r.entries().size());
            for (Famfs fs : open) {
                assertThat(fs.problems()).isEmpty();
                assertThat(fs.namespace().fileCount()).isEqualTo(files);
                assertThat(fs.allocatedBytes()).isEqualTo(fresh.allocatedBytes());
                for (long id = 1; id < r.entries().size() + 2; id++) {
                    Node mine = fs.namespace().find(id).orElseThrow();
                    Node theirs = fresh.namespace().find(id).orElseThrow();
                    assertThat(mine.relpath()).isEqualTo(theirs.relpath());
                    if (mine instanceof FileNode f) {
                        assertThat(f).isEqualTo(theirs);
                    }
                }
            }
        }
    }
}
