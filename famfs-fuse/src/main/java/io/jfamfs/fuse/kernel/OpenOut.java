package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct fuse_open_out} (16 bytes), the answer to OPEN, OPENDIR and (after the entry) CREATE:
 * {@code 0 fh | 8 open_flags u32 (FOPEN_*) | 12 backing_id i32}.
 */
public record OpenOut(long fh, int openFlags) {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("fh"),
            U32.withName("open_flags"), U32.withName("backing_id"));
    public static final long SIZE = LAYOUT.byteSize();
    /** Bypass the page cache: every read and write reaches the server (coherent with other writers). */
    public static final int FOPEN_DIRECT_IO = 1 << 0;
    /** Keep cached pages across opens (only for content that never changes behind the kernel's back). */
    public static final int FOPEN_KEEP_CACHE = 1 << 1;
    public static final int FOPEN_NONSEEKABLE = 1 << 2, FOPEN_CACHE_DIR = 1 << 3, FOPEN_STREAM = 1 << 4,
            FOPEN_NOFLUSH = 1 << 5, FOPEN_PARALLEL_DIRECT_WRITES = 1 << 6, FOPEN_PASSTHROUGH = 1 << 7;

    /** Writes this into {@code dst} at {@code offset}. */
    public void encode(MemorySegment dst, long offset) {
        dst.set(U64, offset, fh);
        dst.set(U32, offset + 8, openFlags);
        dst.set(U32, offset + 12, 0);
    }
}
