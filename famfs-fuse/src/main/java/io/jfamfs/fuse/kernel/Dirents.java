package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;
import static io.jfamfs.fuse.kernel.Wire.U8;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;

/**
 * Packs {@code fuse_dirent} (24 + name, padded to 8) or {@code fuse_direntplus} (entry_out 128 +
 * dirent) records into a READDIR reply of at most the size the kernel asked for. {@code off} of each
 * record is the cookie the kernel sends back as the offset of the next READDIR.
 */
public final class Dirents {
    public static final StructLayout DIRENT_LAYOUT = MemoryLayout.structLayout(U64.withName("ino"),
            U64.withName("off"), U32.withName("namelen"), U32.withName("type"));
    public static final long DIRENT_SIZE = DIRENT_LAYOUT.byteSize();

    private final MemorySegment buf;
    private final long limit;
    private final boolean plus;
    private long used;

    /** Packs into {@code buf} up to {@code limit} bytes; {@code plus} selects the direntplus form. */
    public Dirents(MemorySegment buf, long limit, boolean plus) {
        this.buf = buf;
        this.limit = Math.min(limit, buf.byteSize());
        this.plus = plus;
    }

    /** Returns true when this packs READDIRPLUS records (each needs an {@link EntryOut}). */
    public boolean plus() {
        return plus;
    }

    /**
     * Appends one record and returns true, or returns false (writing nothing) when it does not fit.
     * {@code entry} is required for READDIRPLUS and ignored for READDIR.
     */
    public boolean add(long ino, int type, String name, long nextOffset, EntryOut entry) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        long head = plus ? EntryOut.SIZE : 0;
        long recordSize = Wire.align8(head + DIRENT_SIZE + bytes.length);
        if (used + recordSize > limit) {
            return false;
        }
        long at = used;
        if (plus) {
            entry.encode(buf, at);
            at += EntryOut.SIZE;
        }
        buf.set(U64, at, ino);
        buf.set(U64, at + 8, nextOffset);
        buf.set(U32, at + 16, bytes.length);
        buf.set(U32, at + 20, type);
        MemorySegment.copy(bytes, 0, buf, U8, at + DIRENT_SIZE, bytes.length);
        long end = used + recordSize;
        buf.asSlice(at + DIRENT_SIZE + bytes.length, end - (at + DIRENT_SIZE + bytes.length)).fill((byte) 0);
        used = end;
        return true;
    }

    /** Returns the number of bytes packed so far. */
    public long size() {
        return used;
    }
}
