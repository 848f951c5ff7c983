package io.jfamfs.fuse.session;

import io.jfamfs.fuse.kernel.InHeader;
import io.jfamfs.fuse.kernel.Init;
import io.jfamfs.fuse.kernel.InitFlags;
import io.jfamfs.fuse.kernel.Opcode;
import io.jfamfs.fuse.kernel.WireException;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.sys.Posix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mounted FUSE file system and the threads serving it. {@link #mount} opens {@code /dev/fuse},
 * calls mount(2), completes INIT, starts the reader threads (thread 0 on the mount fd, the others on
 * fds cloned with {@code FUSE_DEV_IOC_CLONE}) and raises the readahead. The session ends when the
 * file system is unmounted (by {@link #close}, {@code umount}, or an abort): each reader sees ENODEV
 * or ECONNABORTED, the last one out closes the mount fd and calls {@link FuseFileSystem#destroy}.
 */
public final class FuseSession implements AutoCloseable {
    /** The protocol minor this code speaks (the layouts in fuse.kernel are 7.45). */
    public static final int OUR_MINOR = 45;
    private static final System.Logger LOG = System.getLogger(FuseSession.class.getName());

    private final MountOptions options;
    private final FuseFileSystem fs;
    private final int mountFd;
    private final Capabilities capabilities;
    private final Notifier notifier;
    private final Dispatcher dispatcher;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile long device = -1;

    private FuseSession(MountOptions options, FuseFileSystem fs, int mountFd, Capabilities capabilities) {
        this.options = options;
        this.fs = fs;
        this.mountFd = mountFd;
        this.capabilities = capabilities;
        this.notifier = new Notifier(mountFd);
        this.dispatcher = new Dispatcher(fs);
    }

    /** Mounts {@code fs} as described by {@code options} and starts serving it; returns once INIT is done. */
    public static FuseSession mount(FuseFileSystem fs, MountOptions options) throws IOException {
        int fd = Posix.open("/dev/fuse", Posix.O_RDWR, 0);
        String mountpoint = options.mountpoint().toString();
        try {
            long flags = Posix.MS_NOSUID | Posix.MS_NODEV | (options.readOnly() ? Posix.MS_RDONLY : 0);
            Posix.mount(options.source(), mountpoint, options.fsType(), flags,
                    options.kernelOptions(fd, FuseCalls.geteuid(), FuseCalls.getegid()));
        } catch (IOException e) {
            Posix.closeQuietly(fd);
            throw e;
        }
        Channel first = new Channel(fd, options.maxWrite());
        FuseSession session;
        try {
            Capabilities caps = handshake(first, options);
            LOG.log(System.Logger.Level.INFO, "mounted {0} on {1}: {2}; kernel offered {3}", options.source(),
                    mountpoint, caps, InitFlags.names(caps.offered()));
            session = new FuseSession(options, fs, fd, caps);
            fs.init(caps);
            session.start(first);
        } catch (IOException | RuntimeException e) {
            first.close();
            detach(mountpoint);
            Posix.closeQuietly(fd);
            throw e;
        }
        session.afterStart();
        return session;
    }

    /** Reads INIT from the fresh connection and answers it. */
    private static Capabilities handshake(Channel ch, MountOptions options) throws IOException {
        while (true) {
            long n = ch.read();
            if (n == -Errno.EINTR.code() || n == -Errno.EAGAIN.code()) {
                continue;
            }
            if (n < 0) {
                throw ErrnoException.of((int) -n, "read INIT from /dev/fuse");
            }
            try {
                InHeader h = InHeader.decode(ch.buffer, n);
                if (h.op() != Opcode.INIT) {
                    throw new ErrnoException(Errno.EPERM.code(), "expected INIT, got opcode " + h.opcode());
                }
                Init.In in = Init.decodeIn(h.body(ch.buffer));
                if (in.major() != 7) {
                    ch.replyError(h.unique(), Errno.EINVAL.code());
                    throw new ErrnoException(Errno.EINVAL, "unsupported FUSE protocol major " + in.major());
                }
                Init.Out out = negotiate(in, options);
                Init.encodeOut(ch.payload(), out);
                ch.reply(h.unique(), Init.OUT_LAYOUT.byteSize());
                return new Capabilities(in.major(), in.minor(), out.minor(), in.flags(), out.flags(), out.maxWrite(),
                        out.maxPages(), out.maxReadahead());
            } catch (WireException e) {
                throw new IOException("malformed INIT: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Picks the INIT answer: minor = min(kernel, ours); the wanted flags the kernel offers; max_write
     * as configured with max_pages to match (the kernel caps max_pages at its max_pages_limit).
     * Never WRITEBACK_CACHE: other writers change the bytes behind the kernel's back.
     */
    static Init.Out negotiate(Init.In in, MountOptions options) {
        long wanted = InitFlags.ASYNC_READ | InitFlags.BIG_WRITES | InitFlags.MAX_PAGES | InitFlags.PARALLEL_DIROPS
                | InitFlags.ABORT_ERROR | InitFlags.INIT_EXT | InitFlags.DIRECT_IO_ALLOW_MMAP | InitFlags.ASYNC_DIO;
        if (options.readdirplus()) {
            wanted |= InitFlags.DO_READDIRPLUS | InitFlags.READDIRPLUS_AUTO;
        }
        boolean dax = options.requestDaxFmap() && (in.flags() & InitFlags.DAX_FMAP) != 0
                && in.minor() >= InitFlags.DAX_FMAP_MIN_MINOR;
        if (dax) {
            wanted |= InitFlags.DAX_FMAP;
        }
        long enabled = wanted & in.flags();
        if (in.minor() < 36) {
            enabled &= 0xFFFF_FFFFL; // no flags2 before 7.36
        }
        int minor = Math.min(in.minor(), dax ? InitFlags.DAX_FMAP_MIN_MINOR : OUR_MINOR);
        int maxPages = Math.max(1, options.maxWrite() / 4096);
        return new Init.Out(7, minor, in.maxReadahead(), enabled, 64, 48, options.maxWrite(), 1, maxPages);
    }

    private void start(Channel first) throws IOException {
        List<Channel> channels = new ArrayList<>();
        channels.add(first);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment arg = arena.allocate(ValueLayout.JAVA_INT);
            arg.set(ValueLayout.JAVA_INT, 0, mountFd);
            for (int i = 1; i < options.threads(); i++) {
                int clone = Posix.open("/dev/fuse", Posix.O_RDWR, 0);
                try {
                    Posix.ioctl(clone, FuseCalls.FUSE_DEV_IOC_CLONE, arg, "FUSE_DEV_IOC_CLONE /dev/fuse");
                } catch (ErrnoException e) {
                    Posix.closeQuietly(clone);
                    LOG.log(System.Logger.Level.WARNING, "cloning /dev/fuse failed, serving with {0} thread(s): {1}",
                            i, e.getMessage());
                    break;
                }
                channels.add(new Channel(clone, options.maxWrite()));
            }
        }
        notifier.start();
        running.set(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            Channel ch = channels.get(i);
            threads.add(Thread.ofPlatform().name("fuse-reader-" + i).daemon(true).start(() -> serve(ch)));
        }
    }

    /** Raises the readahead; needs the readers running because stat(mountpoint) asks us. */
    private void afterStart() {
        try {
            device = FuseControl.deviceOf(options.mountpoint());
            FuseControl.raiseReadahead(device, 1024);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "stat {0}: {1}", options.mountpoint(), e.toString());
        }
    }

    private void serve(Channel ch) {
        try {
            while (true) {
                long n = ch.read();
                if (n < 0) {
                    int errno = (int) -n;
                    if (errno == Errno.EINTR.code() || errno == Errno.EAGAIN.code() || errno == Errno.ENOENT.code()) {
                        continue; // ENOENT: the request was interrupted before we read it
                    }
                    if (errno != Errno.ENODEV.code() && errno != Errno.ECONNABORTED.code()) {
                        LOG.log(System.Logger.Level.ERROR, "read /dev/fuse: {0}; reader stops", Errno.name(errno));
                    }
                    return;
                }
                InHeader h;
                try {
                    h = InHeader.decode(ch.buffer, n);
                } catch (WireException e) {
                    LOG.log(System.Logger.Level.WARNING, "dropping malformed request: {0}", e.getMessage());
                    continue;
                }
                dispatcher.dispatch(ch, h);
            }
        } finally {
            readerExited(ch);
        }
    }

    private void readerExited(Channel ch) {
        ch.close();
        if (ch.fd != mountFd) {
            Posix.closeQuietly(ch.fd);
        }
        if (running.decrementAndGet() == 0) {
            try {
                notifier.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Posix.closeQuietly(mountFd);
            try {
                fs.destroy();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "destroy: {0}", e.toString());
            }
            LOG.log(System.Logger.Level.INFO, "session on {0} ended", options.mountpoint());
            ended.countDown();
        }
    }

    /** Returns what INIT agreed. */
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Returns the queue for cache invalidations (safe from any thread, including handlers). */
    public Notifier notifier() {
        return notifier;
    }

    public MountOptions options() {
        return options;
    }

    /** Returns the number of reader threads actually started. */
    public int threadCount() {
        return threads.size();
    }

    /** Returns true until every reader has stopped. */
    public boolean isRunning() {
        return ended.getCount() > 0;
    }

    /** Waits until the session ends (unmount or abort); returns false on timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the session ends. */
    public void join() throws InterruptedException {
        ended.await();
    }

    /** Aborts the connection through fusectl: clients get ENOTCONN, readers ECONNABORTED. */
    public void abort() throws IOException {
        if (device < 0) {
            throw new IOException("connection id of " + options.mountpoint() + " unknown");
        }
        FuseControl.abort(FuseControl.connectionId(device));
    }

    /**
     * Unmounts (lazily, so busy files do not block it) and waits for the readers; aborts the
     * connection if they are still busy after 5 s. Idempotent.
     */
    @Override
    public void close() {
        if (!isRunning()) {
            return;
        }
        detach(options.mountpoint().toString());
        try {
            if (!awaitTermination(Duration.ofSeconds(5))) {
                LOG.log(System.Logger.Level.WARNING, "readers still busy after unmount; aborting {0}",
                        options.mountpoint());
                abort();
                awaitTermination(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "abort failed: {0}", e.getMessage());
        }
    }

    private static void detach(String mountpoint) {
        try {
            Posix.umount2(mountpoint, Posix.MNT_DETACH);
        } catch (ErrnoException e) {
            if (!e.is(Errno.EINVAL)) { // EINVAL: not mounted any more
                LOG.log(System.Logger.Level.WARNING, "{0}", e.getMessage());
            }
        }
    }
}
