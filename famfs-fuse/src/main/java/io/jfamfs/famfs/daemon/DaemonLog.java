package io.jfamfs.famfs.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends the daemon's java.util.logging output (which System.Logger uses) to its log file, one line
 * per record: {@code 2026-11-25T14:00:00Z INFO FuseSession: mounted ...}. Stack traces appear only
 * with --debug; users read messages, not traces.
 */
final class DaemonLog {
    private DaemonLog() {
    }

    static void configure(Path file, boolean debug) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        FileHandler fh = new FileHandler(file.toString(), true);
        fh.setFormatter(new OneLine(debug));
        fh.setLevel(Level.ALL);
        root.addHandler(fh);
        root.setLevel(debug ? Level.FINE : Level.INFO);
    }

    private static final class OneLine extends Formatter {
        private final boolean traces;

        OneLine(boolean traces) {
            this.traces = traces;
        }

        @Override
        public String format(LogRecord r) {
            String source = r.getLoggerName() == null ? "" : r.getLoggerName().substring(r.getLoggerName().lastIndexOf('.') + 1);
            StringBuilder sb = new StringBuilder().append(Instant.ofEpochMilli(r.getMillis())).append(' ')
                    .append(r.getLevel()).append(' ').append(source).append(": ").append(formatMessage(r)).append('\n');
            if (traces && r.getThrown() != null) {
                for (StackTraceElement e : r.getThrown().getStackTrace()) {
                    sb.append("    at ").append(e).append('\n');
                }
            }
            return sb.toString();
        }
    }
}
