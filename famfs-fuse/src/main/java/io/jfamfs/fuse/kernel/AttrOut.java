package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.time.Duration;

/**
 * {@code struct fuse_attr_out} (104 bytes), the answer to GETATTR and SETATTR:
 * {@code 0 attr_valid | 8 attr_valid_nsec u32 | 12 dummy | 16 attr (88)}.
 */
public record AttrOut(Duration attrValid, Attr attr) {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("attr_valid"),
            U32.withName("attr_valid_nsec"), U32.withName("dummy"), Attr.LAYOUT.withName("attr"));
    public static final long SIZE = LAYOUT.byteSize();
    static final long ATTR_OFFSET = Wire.offset(LAYOUT, "attr");

    /** Writes this into {@code dst} at {@code offset}. */
    public void encode(MemorySegment dst, long offset) {
        dst.set(U64, offset, attrValid.getSeconds());
        dst.set(U32, offset + 8, attrValid.getNano());
        dst.set(U32, offset + 12, 0);
        attr.encode(dst, offset + ATTR_OFFSET);
    }
}
