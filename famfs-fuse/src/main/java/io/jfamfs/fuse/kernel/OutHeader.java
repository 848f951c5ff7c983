package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct fuse_out_header} (16 bytes): {@code 0 len u32 | 4 error i32 (-errno or 0) | 8 unique u64}.
 * A notification is an out header with {@code unique = 0} and {@code error} = the notify code.
 */
public final class OutHeader {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("len"),
            U32.withName("error"), U64.withName("unique"));
    public static final long SIZE = LAYOUT.byteSize();
    static final long LEN_OFFSET = Wire.offset(LAYOUT, "len"), ERROR_OFFSET = Wire.offset(LAYOUT, "error"),
            UNIQUE_OFFSET = Wire.offset(LAYOUT, "unique");

    private OutHeader() {
    }

    /** Writes a header for a reply of {@code totalLength} bytes (header included). */
    public static void encode(MemorySegment out, long totalLength, int error, long unique) {
        out.set(U32, LEN_OFFSET, (int) totalLength);
        out.set(U32, ERROR_OFFSET, error);
        out.set(U64, UNIQUE_OFFSET, unique);
    }
}
