package io.jfamfs.fuse.session;

import io.jfamfs.fuse.kernel.Notify;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.Posix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends cache invalidations to the kernel from its own thread. Asynchronous on purpose: the kernel
 * takes the parent directory's lock to drop an entry, and it may hold that lock while waiting for the
 * very LOOKUP whose handler wants to invalidate; writing from the handler would deadlock. So callers
 * on any thread just enqueue; {@link #sync} waits until everything queued so far was written.
 */
public final class Notifier {
    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());
    private static final int MAX_NAME = 1024;

    private sealed interface Notice permits InvalInode, InvalEntry, Marker, Stop {
    }

    private record InvalInode(long ino, long offset, long length) implements Notice {
    }

    private record InvalEntry(long parent, String name) implements Notice {
    }

    private record Marker(CountDownLatch done) implements Notice {
    }

    private record Stop() implements Notice {
    }

    private final LinkedBlockingQueue<Notice> queue = new LinkedBlockingQueue<>();
    private final int fd;
    private final Thread thread;

    Notifier(int fd) {
        this.fd = fd;
        this.thread = Thread.ofPlatform().name("fuse-notify").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Drops the kernel's cached pages and attributes of {@code nodeId} (length 0: the whole file). */
    public void invalidateInode(long nodeId, long offset, long length) {
        queue.add(new InvalInode(nodeId, offset, length));
    }

    /** Drops the kernel's cached entry (positive or negative) for {@code name} in {@code parent}. */
    public void invalidateEntry(long parent, String name) {
        queue.add(new InvalEntry(parent, name));
    }

    /** Waits up to {@code timeoutMillis} until all notices queued before this call were written. */
    public boolean sync(long timeoutMillis) throws InterruptedException {
        if (!thread.isAlive()) {
            return false;
        }
        CountDownLatch done = new CountDownLatch(1);
        queue.add(new Marker(done));
        return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the thread after the queued notices; called before the fd is closed. */
    void stop() throws InterruptedException {
        queue.add(new Stop());
        thread.join(5000);
    }

    private void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(4096 + MAX_NAME);
            MemorySegment state = Posix.newCallState(arena);
            while (true) {
                Notice n = queue.take();
                switch (n) {
                    case Stop s -> {
                        return;
                    }
                    case Marker m -> m.done().countDown();
                    case InvalInode i -> write(state, buf, Notify.encodeInvalInode(buf, i.ino(), i.offset(),
                            i.length()), n);
                    case InvalEntry e -> {
                        if (e.name().length() <= MAX_NAME) {
                            write(state, buf, Notify.encodeInvalEntry(buf, e.parent(), e.name(), 0), n);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(MemorySegment state, MemorySegment buf, long length, Notice n) {
        long rc = Posix.write(state, fd, buf, length);
        // ENOENT: the kernel has nothing cached under that id or name, which is fine.
        if (rc < 0 && rc != -Errno.ENOENT.code()) {
            LOG.log(System.Logger.Level.DEBUG, "notify {0}: {1}", n, Errno.name((int) -rc));
        }
    }
}
