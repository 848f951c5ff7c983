package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.time.Duration;

/**
 * {@code struct fuse_entry_out} (128 bytes), the answer to LOOKUP, MKDIR, CREATE and each
 * READDIRPLUS entry: the node id, how long the kernel may cache the name and the attributes, and
 * the attributes. {@code 0 nodeid | 8 generation | 16 entry_valid | 24 attr_valid |
 * 32 entry_valid_nsec u32 | 36 attr_valid_nsec u32 | 40 attr (88)}. A node id of 0 is a cached
 * negative entry.
 */
public record EntryOut(long nodeId, long generation, Duration entryValid, Duration attrValid, Attr attr) {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("nodeid"),
            U64.withName("generation"), U64.withName("entry_valid"), U64.withName("attr_valid"),
            U32.withName("entry_valid_nsec"), U32.withName("attr_valid_nsec"), Attr.LAYOUT.withName("attr"));
    public static final long SIZE = LAYOUT.byteSize();
    static final long ATTR_OFFSET = Wire.offset(LAYOUT, "attr");

    /** Writes this into {@code dst} at {@code offset}. */
    public void encode(MemorySegment dst, long offset) {
        dst.set(U64, offset, nodeId);
        dst.set(U64, offset + 8, generation);
        dst.set(U64, offset + 16, entryValid.getSeconds());
        dst.set(U64, offset + 24, attrValid.getSeconds());
        dst.set(U32, offset + 32, entryValid.getNano());
        dst.set(U32, offset + 36, attrValid.getNano());
        attr.encode(dst, offset + ATTR_OFFSET);
    }
}
