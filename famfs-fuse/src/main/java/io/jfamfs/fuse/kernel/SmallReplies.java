package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemorySegment;

/** Encoders for the one-field replies; each returns the number of bytes written at {@code offset}. */
public final class SmallReplies {
    /** {@code fuse_write_out}, {@code fuse_getxattr_out}, {@code fuse_poll_out}: u32 + padding. */
    public static final long U32_OUT_SIZE = 8;
    /** {@code fuse_lseek_out}, {@code fuse_bmap_out}, {@code fuse_copy_file_range_out}: one u64. */
    public static final long U64_OUT_SIZE = 8;

    private SmallReplies() {
    }

    /** Encodes {@code fuse_write_out} / {@code fuse_getxattr_out}: {@code 0 size u32 | 4 padding}. */
    public static long encodeSize(MemorySegment dst, long offset, int size) {
        dst.set(U32, offset, size);
        dst.set(U32, offset + 4, 0);
        return U32_OUT_SIZE;
    }

    /** Encodes {@code fuse_lseek_out}: {@code 0 offset u64}. */
    public static long encodeU64(MemorySegment dst, long offset, long value) {
        dst.set(U64, offset, value);
        return U64_OUT_SIZE;
    }
}
