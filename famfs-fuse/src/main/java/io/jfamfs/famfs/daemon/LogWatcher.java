package io.jfamfs.famfs.daemon;

import io.jfamfs.api.Famfs;
import io.jfamfs.fuse.session.Notifier;
import io.jfamfs.log.Problem;
import io.jfamfs.ns.Node;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the namespace current with what other processes and hosts append: re-reads the log on a
 * timer and on lookup misses, then tells the kernel about every new name (INVAL_ENTRY, in case it
 * cached a negative entry) and that its parent directory changed (INVAL_INODE). If the superblock is
 * no longer the one we opened (the device was re-formatted), it marks the file system stale: from
 * then on every request fails with EIO rather than serve files that no longer exist. Every entry the
 * replay refused (bad CRC or seqnum, a path or extent the strict rules reject) is logged once, with
 * its index and reason, so that the daemon's log says why a file is missing.
 */
final class LogWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LogWatcher.class.getName());

    private final Famfs fs;
    private volatile Notifier notifier;
    private volatile String staleReason;
    private long scanFrom;
    private ScheduledExecutorService timer;
    private String lastError;
    private int problemsLogged;

    LogWatcher(Famfs fs) {
        this.fs = fs;
        this.scanFrom = Node.idOf(fs.logHeader().nextIndex());
        logNewProblems();
    }

    /** Starts the timer; notices go to {@code n}. */
    void start(Notifier n, Duration interval) {
        this.notifier = n;
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("famfs-logwatch")
                .daemon(true).unstarted(r));
        timer.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns why the file system is stale, if it is. */
    Optional<String> staleReason() {
        return Optional.ofNullable(staleReason);
    }

    /** Replays new entries; returns true when the namespace changed. Never throws. */
    synchronized boolean refresh() {
        if (staleReason != null) {
            return false;
        }
        try {
            boolean changed = fs.refresh();
            lastError = null;
            logNewProblems();
            if (changed) {
                announceNewNodes();
            }
            return changed;
        } catch (ErrnoException e) {
            if (!e.is(Errno.ESTALE)) { // ESTALE: Famfs.refresh saw another superblock (re-formatted)
                return failed(e);
            }
            staleReason = e.getMessage();
            LOG.log(System.Logger.Level.ERROR, "the superblock of {0} changed (re-formatted by another host?): {1}; "
                    + "every request now fails with EIO: unmount and mount again", fs.device().path(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** Logs the replay problems not logged yet (the api keeps them in order, each once). */
    private synchronized void logNewProblems() {
        List<Problem> all = fs.problems();
        for (int i = problemsLogged; i < all.size(); i++) {
            Problem p = all.get(i);
            if (p.index() < 0) {
                LOG.log(System.Logger.Level.WARNING, "log of {0}: {1}", fs.device().path(), p.message());
            } else {
                LOG.log(System.Logger.Level.WARNING, "log entry {0} of {1} refused: {2}", Long.toString(p.index()),
                        fs.device().path(), p.message());
            }
        }
        problemsLogged = all.size();
    }

    private boolean failed(Exception e) {
        if (!e.toString().equals(lastError)) { // log each distinct failure once, not every tick
            LOG.log(System.Logger.Level.WARNING, "log refresh failed: {0}", e.toString());
            lastError = e.toString();
        }
        return false;
    }

    private void announceNewNodes() {
        long end = Node.idOf(fs.logHeader().nextIndex());
        Notifier n = notifier;
        for (long id = scanFrom; id < end; id++) {
            Optional<Node> node = fs.namespace().find(id);
            if (node.isPresent() && n != null) {
                n.invalidateEntry(node.get().parentId(), node.get().name());
                n.invalidateInode(node.get().parentId(), 0, 0);
            }
        }
        scanFrom = Math.max(scanFrom, end);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
