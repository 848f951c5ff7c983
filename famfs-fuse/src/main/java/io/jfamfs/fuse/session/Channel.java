package io.jfamfs.fuse.session;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.jfamfs.fuse.kernel.OutHeader;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.Posix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One reader's end of the connection: its fd (the mount fd or a clone), its request buffer and
 * reply scratch, all off-heap and allocated once. A reply must go to the fd its request came from,
 * so each channel answers its own requests. Used by one thread at a time.
 */
final class Channel implements AutoCloseable {
    /** Room for in_header + write_in (80 bytes) and more; a buffer below max_write + 80 gets EINVAL. */
    static final long BUFFER_SLACK = 64 * 1024;
    private static final int MAX_IOV = 64;
    private static final long IOV_SIZE = 16;
    private static final System.Logger LOG = System.getLogger(Channel.class.getName());

    final int fd;
    private final Arena arena = Arena.ofShared();
    final MemorySegment buffer;
    /** Out header at 0, payload from {@link OutHeader#SIZE}: small replies are one write(). */
    final MemorySegment scratch;
    private final MemorySegment state;
    private final MemorySegment iov;

    Channel(int fd, int maxWrite) {
        this.fd = fd;
        this.buffer = arena.allocate(maxWrite + BUFFER_SLACK, 4096);
        this.scratch = arena.allocate(OutHeader.SIZE + maxWrite + 4096, 4096);
        this.state = Posix.newCallState(arena);
        this.iov = arena.allocate(IOV_SIZE * (MAX_IOV + 1), 8);
    }

    /** Reads one request; returns its length or {@code -errno}. */
    long read() {
        return Posix.read(state, fd, buffer, buffer.byteSize());
    }

    /** Returns the payload area of the scratch buffer. */
    MemorySegment payload() {
        return scratch.asSlice(OutHeader.SIZE);
    }

    /** Sends an error reply (header only; {@code errno} positive). */
    void replyError(long unique, int errno) {
        OutHeader.encode(scratch, OutHeader.SIZE, -errno, unique);
        send(Posix.write(state, fd, scratch, OutHeader.SIZE), unique);
    }

    /** Sends a success reply whose {@code length} payload bytes are already in {@link #payload()}. */
    void reply(long unique, long length) {
        long total = OutHeader.SIZE + length;
        OutHeader.encode(scratch, total, 0, unique);
        send(Posix.write(state, fd, scratch, total), unique);
    }

    /** Sends a READ reply: header plus the segments, natively referenced where possible. */
    void replyData(long unique, ReadReply data) {
        int count = data.count();
        boolean direct = count <= MAX_IOV;
        for (int i = 0; direct && i < count; i++) {
            direct = data.part(i).isNative();
        }
        if (!direct) {
            copyIntoScratch(unique, data);
            return;
        }
        long total = OutHeader.SIZE + data.length();
        OutHeader.encode(scratch, total, 0, unique);
        iov.set(ADDRESS, 0, scratch);
        iov.set(JAVA_LONG, 8, OutHeader.SIZE);
        for (int i = 0; i < count; i++) {
            MemorySegment p = data.part(i);
            iov.set(ADDRESS, IOV_SIZE * (i + 1), p);
            iov.set(JAVA_LONG, IOV_SIZE * (i + 1) + 8, p.byteSize());
        }
        send(Posix.writev(state, fd, iov, count + 1), unique);
    }

    private void copyIntoScratch(long unique, ReadReply data) {
        long at = 0;
        MemorySegment payload = payload();
        for (int i = 0; i < data.count(); i++) {
            MemorySegment p = data.part(i);
            MemorySegment.copy(p, 0, payload, at, p.byteSize());
            at += p.byteSize();
        }
        reply(unique, at);
    }

    /** Writes a pre-encoded message (a notification) of {@code length} bytes from {@code message}. */
    long writeRaw(MemorySegment message, long length) {
        return Posix.write(state, fd, message, length);
    }

    private static void send(long rc, long unique) {
        // ENOENT: the request was interrupted and its answer is no longer wanted; not an error.
        if (rc < 0 && rc != -Errno.ENOENT.code()) {
            LOG.log(System.Logger.Level.WARNING, "reply to unique={0} failed: {1}", unique, Errno.name((int) -rc));
        }
    }

    /** Copies bytes into the payload area at {@code offset}. */
    void put(long offset, byte[] bytes) {
        MemorySegment.copy(bytes, 0, payload(), JAVA_BYTE, offset, bytes.length);
    }

    @Override
    public void close() {
        arena.close();
    }
}
