package io.jfamfs.cli.term;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr for long work ({@code cp}, {@code creat -r}, {@code verify},
 * {@code fsck}), redrawn at most every 200 ms. Silent unless both stdout and stderr are terminals,
 * so scripts and logs never see it. Thread-safe: workers call {@link #advance(long)}.
 */
public final class Progress implements AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastDraw = new AtomicLong(System.nanoTime());
    private volatile boolean drawn;

    private Progress(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = Math.max(total, 1);
        this.enabled = enabled;
    }

    /** Starts a bar for {@code total} units (bytes or entries); silent when not on a terminal. */
    public static Progress start(PrintWriter err, String label, long total) {
        return new Progress(err, label, total, Terminal.interactive());
    }

    /** Returns a bar that never draws. */
    public static Progress silent() {
        return new Progress(null, "", 1, false);
    }

    public void advance(long units) {
        long now = done.addAndGet(units);
        if (!enabled) {
            return;
        }
        long t = System.nanoTime();
        long last = lastDraw.get();
        if (t - last >= REDRAW_NANOS && lastDraw.compareAndSet(last, t)) {
            draw(now, t);
        }
    }

    private synchronized void draw(long now, long t) {
        double frac = Math.min(1.0, (double) now / total);
        int filled = (int) (frac * WIDTH);
        double secs = (t - start) / 1e9;
        double rate = secs > 0 ? now / secs : 0;
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %s/s ", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), (int) (frac * 100), io.jfamfs.cli.Numbers.human((long) rate)));
        err.flush();
        drawn = true;
    }

    /** Erases the bar, if one was drawn. */
    @Override
    public synchronized void close() {
        if (enabled && drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
