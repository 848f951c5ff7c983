package io.jfamfs.bench;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.device.EmulatedDevices;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.SimpleExtent;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Sequential read of one famfs file through {@link FamfsFile#map()}: the sum of
 * {@code JAVA_LONG_UNALIGNED} over the whole file, one cold pass (page faults of a fresh mapping) then
 * warm passes. The script runs the C reader {@code mmapread} on the same device range in the same run.
 * Loop shapes as in the anchor's {@code MmapRead.java}: one long-indexed loop, and int-indexed loops
 * over 1 GiB slices.
 */
final class MapRead {
    static final UUID BENCH_UUID = UUID.fromString("6a66616d-6673-4000-8000-62656e636801");
    static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED;
    /** CPU time of the reading thread (CLOCK_THREAD_CPUTIME_ID), as the C reader measures it too. */
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    static final long CHUNK = 1L << 30;
    /** Superblock region + 8 MiB log, rounded up with room to spare (all multiples of 2 MiB). */
    static final long RESERVE = 16L << 20;

    private MapRead() {
    }

    static FamfsOptions master() {
        return FamfsOptions.builder().systemUuid(BENCH_UUID).build();
    }

    /** mapread-setup DEVICE FILE_MIB: (re)creates the emulated device, formats it, creates and fills "data". */
    static void setup(String[] a) throws Exception {
        Path dev = Path.of(a[0]);
        long size = Long.parseLong(a[1]) << 20;
        EmulatedDevices.create(dev, size + RESERVE, true);
        Famfs.format(dev, FormatOptions.defaults().withForce(true).withSystemUuid(BENCH_UUID));
        try (Famfs fs = Famfs.open(dev, master())) {
            FamfsFile f = fs.create("data", size);
            MemorySegment m = f.map();
            long t0 = System.nanoTime();
            long n = size / 8;
            for (long i = 0; i < n; i++) {
                m.setAtIndex(ValueLayout.JAVA_LONG, i, (i + 1) * 0x9E3779B97F4A7C15L);
            }
            Out.info("filled %d MiB in %.0f ms", size >> 20, (System.nanoTime() - t0) / 1e6);
            if (!(f.fmap() instanceof Fmap.Simple s) || s.extents().size() != 1) {
                throw new IllegalStateException("expected one extent, got " + f.fmap());
            }
            SimpleExtent e = s.extents().getFirst();
            // the script reads this line to point the C reader at the same device range
            System.out.printf("EXTENT %d %d%n", e.offset(), size);
        }
    }

    static long sumLongIdx(MemorySegment s) {
        long n = s.byteSize() & ~7L;
        long sum = 0;
        for (long i = 0; i < n; i += 8) {
            sum += s.get(L, i);
        }
        return sum;
    }

    static long sumIntIdx(MemorySegment s) {
        long size = s.byteSize() & ~7L;
        long sum = 0;
        for (long base = 0; base < size; base += CHUNK) {
            MemorySegment c = s.asSlice(base, Math.min(CHUNK, size - base));
            int n = (int) c.byteSize();
            for (int i = 0; i < n; i += 8) {
                sum += c.get(L, i);
            }
        }
        return sum;
    }

    /** mapread DEVICE REPS [TAG]: JIT warm-up on private memory, then cold + warm passes over "data". */
    static void run(String[] a) throws Exception {
        Path dev = Path.of(a[0]);
        int reps = Integer.parseInt(a[1]);
        String tag = a.length > 2 ? a[2] : "java.map";
        long sink = 0;
        try (Famfs fs = Famfs.open(dev, FamfsOptions.builder().systemUuid(BENCH_UUID).readOnly(true).build())) {
            // Warm-up: compile both loops (C2) on the log region of the same device mapping, so the cold
            // pass measures page faults and not the interpreter. Warming up on other memory (a confined or
            // shared Arena segment) leaves profiles that fail C2's profile predicates on the device
            // segment: every pass then traps and finishes a 1 GiB loop in the interpreter (2-4 GB/s,
            // seen with -Xlog:deoptimization=debug as "profile_predicate maybe_recompile").
            MemorySegment w = fs.device().slice(OmfConstants.LOG_OFFSET, fs.superblock().logLength());
            for (int k = 0; k < 60; k++) {
                sink += sumLongIdx(w) + sumIntIdx(w);
            }
            FamfsFile f = fs.file("data").orElseThrow(() -> new IllegalStateException("no file 'data' on " + dev));
            MemorySegment m = f.map();
            long size = m.byteSize();
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long first = sumLongIdx(m);
            long dt = System.nanoTime() - t0;
            long dc = CPU.getCurrentThreadCpuTime() - c0;
            Out.result(tag + ".cold_GBps", (double) size / dt, "GB/s");
            Out.result(tag + ".cold_cpu_GBps", (double) size / dc, "GB/cpu-s");
            for (int r = 0; r < reps; r++) {
                c0 = CPU.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                long s = sumLongIdx(m);
                dt = System.nanoTime() - t0;
                dc = CPU.getCurrentThreadCpuTime() - c0;
                Out.result(tag + ".warm_GBps", (double) size / dt, "GB/s");
                Out.result(tag + ".warm_cpu_GBps", (double) size / dc, "GB/cpu-s");
                check(s, first);
            }
            for (int r = 0; r < reps; r++) {
                c0 = CPU.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                long s = sumIntIdx(m);
                dt = System.nanoTime() - t0;
                dc = CPU.getCurrentThreadCpuTime() - c0;
                Out.result(tag + ".warm_int_idx_GBps", (double) size / dt, "GB/s");
                Out.result(tag + ".warm_int_idx_cpu_GBps", (double) size / dc, "GB/cpu-s");
                check(s, first);
            }
            System.out.printf("CHECKSUM %s %x%n", tag, first);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void check(long s, long first) {
        if (s != first) {
            System.err.println("mapread: checksum mismatch between passes");
        }
    }
}
