package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct fuse_kstatfs} (80 bytes), the answer to STATFS: counts in units of {@code frsize}
 * (df multiplies blocks by frsize). {@code 0 blocks | 8 bfree | 16 bavail | 24 files | 32 ffree |
 * 40 bsize u32 | 44 namelen | 48 frsize | 52 padding | 56 spare[6]}. The kernel reports its own f_type
 * (FUSE_SUPER_MAGIC); a server cannot set it.
 */
public record StatfsOut(long blocks, long bfree, long bavail, long files, long ffree, int bsize, int namelen,
        int frsize) {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("blocks"),
            U64.withName("bfree"), U64.withName("bavail"), U64.withName("files"), U64.withName("ffree"),
            U32.withName("bsize"), U32.withName("namelen"), U32.withName("frsize"), U32.withName("padding"),
            MemoryLayout.sequenceLayout(6, U32).withName("spare"));
    public static final long SIZE = LAYOUT.byteSize();

    /** Writes this into {@code dst} at {@code offset}, spare words zeroed. */
    public void encode(MemorySegment dst, long offset) {
        dst.asSlice(offset, SIZE).fill((byte) 0);
        dst.set(U64, offset, blocks);
        dst.set(U64, offset + 8, bfree);
        dst.set(U64, offset + 16, bavail);
        dst.set(U64, offset + 24, files);
        dst.set(U64, offset + 32, ffree);
        dst.set(U32, offset + 40, bsize);
        dst.set(U32, offset + 44, namelen);
        dst.set(U32, offset + 48, frsize);
    }
}
