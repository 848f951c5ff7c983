package io.jfamfs.fuse.session;

import java.lang.foreign.MemorySegment;

/**
 * The data of a READ reply, as one or more segments sent in order. Native segments (for example
 * slices of a mapped device) go to the kernel by {@code writev} without a copy; heap segments are
 * copied into the reader's scratch buffer first. The segments must stay valid until the reply is
 * written, which happens before the handler's thread reads the next request.
 */
public final class ReadReply {
    public static final ReadReply EMPTY = new ReadReply(new MemorySegment[0]);

    private final MemorySegment[] parts;
    private final long length;

    private ReadReply(MemorySegment[] parts) {
        this.parts = parts;
        long n = 0;
        for (MemorySegment p : parts) {
            n += p.byteSize();
        }
        this.length = n;
    }

    /** Returns a reply made of {@code parts}, in order. */
    public static ReadReply of(MemorySegment... parts) {
        return parts.length == 0 ? EMPTY : new ReadReply(parts.clone());
    }

    /** Returns a reply of one segment. */
    public static ReadReply of(MemorySegment part) {
        return new ReadReply(new MemorySegment[] {part});
    }

    /** Returns the total number of bytes. */
    public long length() {
        return length;
    }

    int count() {
        return parts.length;
    }

    MemorySegment part(int i) {
        return parts[i];
    }
}
