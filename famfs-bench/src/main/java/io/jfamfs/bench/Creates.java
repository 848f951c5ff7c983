package io.jfamfs.bench;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.device.EmulatedDevices;
import java.nio.file.Path;

/**
 * File creates through the API: {@link Famfs#create} (one append session each: lock, flock, catch-up,
 * allocate, entry, two flushes) and {@link Famfs#batch} (one session for all). Each round formats a
 * fresh emulated device; a first, smaller round warms the JIT and is reported apart.
 */
final class Creates {
    static final long FILE_SIZE = 4096;
    static final long UNIT = 2L << 20;

    private Creates() {
    }

    /** create DEVICE N ROUNDS */
    static void run(String[] a) throws Exception {
        Path dev = Path.of(a[0]);
        int n = Integer.parseInt(a[1]);
        int rounds = Integer.parseInt(a[2]);
        // warm-up (also the "first use in a fresh JVM" figure)
        Out.result("api.create.single.first_jvm_round_per_s", round(dev, Math.max(1, n / 5), false), "ops/s");
        Out.result("api.create.batch.first_jvm_round_per_s", round(dev, Math.max(1, n / 5), true), "ops/s");
        for (int r = 0; r < rounds; r++) {
            Out.result("api.create.single_per_s", round(dev, n, false), "ops/s");
            Out.result("api.create.batch_per_s", round(dev, n, true), "ops/s");
        }
    }

    /** Formats a device for {@code n} one-unit files, creates them; returns creates per second. */
    private static double round(Path dev, int n, boolean batch) throws Exception {
        long logLength = logLengthFor(n + 1);
        EmulatedDevices.create(dev, (long) n * UNIT + logLength + (8L << 20), true);
        Famfs.format(dev, FormatOptions.defaults().withForce(true).withSystemUuid(MapRead.BENCH_UUID)
                .withLogLength(logLength));
        String[] names = new String[n]; // made before the clock starts
        for (int i = 0; i < n; i++) {
            names[i] = name(i);
        }
        try (Famfs fs = Famfs.open(dev, MapRead.master())) {
            fs.mkdir("c", 0755, 0, 0);
            long t0 = System.nanoTime();
            if (batch) {
                fs.batch(ops -> {
                    for (int i = 0; i < n; i++) {
                        ops.create(names[i], FILE_SIZE, 0644, 0, 0);
                    }
                    return null;
                });
            } else {
                for (int i = 0; i < n; i++) {
                    fs.create(names[i], FILE_SIZE, 0644, 0, 0);
                }
            }
            long dt = System.nanoTime() - t0;
            if (fs.namespace().fileCount() != n) {
                throw new IllegalStateException("expected %d files, namespace has %d".formatted(n, fs.namespace().fileCount()));
            }
            return n / (dt / 1e9);
        }
    }

    private static String name(int i) {
        return "c/f%06d".formatted(i);
    }

    /** The smallest power-of-two log (at least 8 MiB) with room for {@code entries} 544-byte entries and its header. */
    static long logLengthFor(long entries) {
        long need = entries * 544 + (64L << 10);
        long len = 8L << 20;
        while (len < need) {
            len <<= 1;
        }
        return len;
    }

    /**
     * populate DEVICE N [UUIDFILE]: a fresh device with N files of 4 KiB (1,000 per directory d000, d001, ...)
     * in one batch; with UUIDFILE, that file is written so that a mount using it is the master.
     */
    static void populate(String[] a) throws Exception {
        Path dev = Path.of(a[0]);
        int n = Integer.parseInt(a[1]);
        if (a.length > 2) {
            java.nio.file.Files.writeString(Path.of(a[2]), MapRead.BENCH_UUID + "\n");
        }
        int dirs = (n + 999) / 1000;
        long logLength = logLengthFor(n + dirs + 1);
        EmulatedDevices.create(dev, (long) n * UNIT + logLength + (8L << 20), true);
        Famfs.format(dev, FormatOptions.defaults().withForce(true).withSystemUuid(MapRead.BENCH_UUID)
                .withLogLength(logLength));
        long t0 = System.nanoTime();
        try (Famfs fs = Famfs.open(dev, MapRead.master())) {
            fs.batch(ops -> {
                for (int d = 0; d < dirs; d++) {
                    String dir = "d%03d".formatted(d);
                    ops.mkdir(dir, 0755, 0, 0);
                    for (int i = d * 1000; i < Math.min(n, (d + 1) * 1000); i++) {
                        ops.create(dir + "/f%06d".formatted(i), FILE_SIZE, 0644, 0, 0);
                    }
                }
                return null;
            });
            Out.info("populated %s: %d files in %d dirs, log %d MiB, %.0f ms", dev, fs.namespace().fileCount(), dirs,
                    logLength >> 20, (System.nanoTime() - t0) / 1e6);
        }
    }
}
