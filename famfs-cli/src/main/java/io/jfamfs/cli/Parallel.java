package io.jfamfs.cli;

import io.jfamfs.cli.term.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits byte ranges into chunks and runs them on a few platform threads (the work is memory-bound
 * loops over mapped device memory, so more threads than CPUs do not help).
 */
final class Parallel implements AutoCloseable {
    /** Work per task: large enough to amortize scheduling, small enough to balance and report progress. */
    static final long CHUNK = 64L << 20;

    /** Work on file bytes [offset, offset + length); returns a result or -1. */
    interface RangeTask {
        long run(long offset, long length) throws Exception;
    }

    private final ExecutorService pool;
    private final int threads;

    Parallel(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "famfs-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Runs {@code task} over [0, size) in chunks and returns the smallest non-negative result of any
     * chunk (e.g. the first wrong offset), or -1.
     */
    long forRanges(long size, Progress progress, RangeTask task) throws Exception {
        List<long[]> ranges = new ArrayList<>();
        for (long off = 0; off < size; off += CHUNK) {
            ranges.add(new long[] {off, Math.min(CHUNK, size - off)});
        }
        long best = -1;
        if (pool == null || ranges.size() == 1) {
            for (long[] r : ranges) {
                long v = task.run(r[0], r[1]);
                progress.advance(r[1]);
                if (v >= 0) {
                    return v;                      // inline: the first hit is the smallest
                }
            }
            return -1;
        }
        List<Future<Long>> futures = new ArrayList<>();
        for (long[] r : ranges) {
            futures.add(pool.submit(() -> {
                long v = task.run(r[0], r[1]);
                progress.advance(r[1]);
                return v;
            }));
        }
        for (Future<Long> f : futures) {
            long v;
            try {
                v = f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
            if (v >= 0 && (best < 0 || v < best)) {
                best = v;
            }
        }
        return best;
    }

    /** Runs independent jobs (one per file) and returns how many failed; failures are reported by the jobs. */
    int forEach(List<Job> jobs) throws InterruptedException {
        int failed = 0;
        if (pool == null) {
            for (Job j : jobs) {
                failed += j.run() ? 0 : 1;
            }
            return failed;
        }
        List<Future<Boolean>> futures = new ArrayList<>();
        for (Job j : jobs) {
            futures.add(pool.submit(j::run));
        }
        for (Future<Boolean> f : futures) {
            try {
                failed += f.get() ? 0 : 1;
            } catch (ExecutionException e) {
                failed++;
            }
        }
        return failed;
    }

    /** One independent piece of work; returns false when it failed (and said why). */
    interface Job {
        boolean run();
    }

    int threads() {
        return threads;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
