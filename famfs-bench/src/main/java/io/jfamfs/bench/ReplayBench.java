package io.jfamfs.bench;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.device.DaxDevice;
import io.jfamfs.device.EmulatedDevices;
import io.jfamfs.log.Replay;
import io.jfamfs.omf.LogEntryView;
import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.LogHeaderView;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockLayout;
import io.jfamfs.omf.SuperblockView;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * Replay of a full 8 MiB log (the golden {@code logfull} image: 15,420 MKDIR entries written by the
 * reference library). Two measurements: {@code open} = {@link Famfs#open} (map the device, validate the
 * superblock and log header, replay into a namespace), and {@code replay} = {@link Replay#replay} alone
 * over the already-mapped log. The first of them in a fresh JVM is the cold figure (class loading,
 * interpreter, page faults of the log); the rest are warm (median and best of ITERS).
 */
final class ReplayBench {
    private ReplayBench() {
    }

    /** replay IMAGE.gz DEVICE DEVICE_SIZE FIRST(open|replay) ITERS */
    static void run(String[] a) throws Exception {
        Path gz = Path.of(a[0]);
        Path dev = Path.of(a[1]);
        long size = Long.parseLong(a[2]);
        String first = a[3];
        int iters = Integer.parseInt(a[4]);
        long t0 = System.nanoTime();
        EmulatedDevices.create(dev, size, true);
        long bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
             FileChannel ch = FileChannel.open(dev, StandardOpenOption.WRITE)) {
            bytes = in.transferTo(java.nio.channels.Channels.newOutputStream(ch));
        }
        Out.info("image %s (%d bytes) into %s (%d bytes) in %.0f ms", gz.getFileName(), bytes, dev, size,
                (System.nanoTime() - t0) / 1e6);
        FamfsOptions ro = FamfsOptions.builder().readOnly(true).build();
        if (first.equals("open")) {
            Out.result("api.replay.open.cold_ms", open(dev, ro), "ms");
        } else {
            try (DaxDevice d = DaxDevice.open(dev, DaxDevice.Access.READ_ONLY)) {
                Out.result("api.replay.replay.cold_ms", replay(d), "ms");
            }
        }
        double[] opens = new double[iters];
        for (int i = 0; i < iters; i++) {
            opens[i] = open(dev, ro);
        }
        double[] replays = new double[iters];
        try (DaxDevice d = DaxDevice.open(dev, DaxDevice.Access.READ_ONLY)) {
            for (int i = 0; i < iters; i++) {
                replays[i] = replay(d);
            }
        }
        // warm = the second half of the iterations (the first half is JIT warm-up)
        Out.result("api.replay.open.warm_ms", Out.median(java.util.Arrays.copyOfRange(opens, iters / 2, iters)), "ms");
        Out.result("api.replay.replay.warm_ms", Out.median(java.util.Arrays.copyOfRange(replays, iters / 2, iters)), "ms");
        Out.result("api.replay.replay.best_ms", java.util.Arrays.stream(replays).min().orElse(0), "ms");
    }

    /** Famfs.open + close; returns the open time in ms after checking the namespace has every entry. */
    private static double open(Path dev, FamfsOptions ro) throws Exception {
        long t0 = System.nanoTime();
        try (Famfs fs = Famfs.open(dev, ro)) {
            long dt = System.nanoTime() - t0;
            long n = fs.namespace().fileCount() + fs.namespace().directoryCount();
            if (n < 15_420 || !fs.problems().isEmpty()) {
                throw new IllegalStateException("replayed %d nodes, problems %s".formatted(n, fs.problems()));
            }
            return dt / 1e6;
        }
    }

    /** Replay.replay alone over the mapped log of {@code d}; returns ms. */
    private static double replay(DaxDevice d) throws Exception {
        Superblock sb = new SuperblockView(d.slice(0, SuperblockLayout.SIZE)).validate();
        MemorySegment log = d.segment().asSlice(OmfConstants.LOG_OFFSET, sb.logLength());
        LogHeader h = new LogHeaderView(log).validate();
        Geometry g = Geometry.of(Math.min(sb.deviceSize(), d.size()), sb.allocUnit(), sb.logLength());
        long t0 = System.nanoTime();
        Replay.Result r = Replay.replay(g, h, i -> LogEntryView.at(log, i).decode(i));
        long dt = System.nanoTime() - t0;
        if (r.nextIndex() != 15_420 || !r.complete() || !r.problems().isEmpty()) {
            throw new IllegalStateException("replay: next %d complete %s problems %s".formatted(r.nextIndex(),
                    r.complete(), r.problems()));
        }
        return dt / 1e6;
    }
}
