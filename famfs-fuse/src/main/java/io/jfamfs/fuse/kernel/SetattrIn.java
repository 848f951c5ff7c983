package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct fuse_setattr_in} (88 bytes): chmod, chown, truncate, utimes. Only the fields whose
 * FATTR_* bit is set in {@code valid} mean anything.
 * <pre>
 *  0 valid u32 | 4 padding | 8 fh | 16 size | 24 lock_owner | 32 atime | 40 mtime | 48 ctime
 * 56 atimensec | 60 mtimensec | 64 ctimensec | 68 mode | 72 unused4 | 76 uid | 80 gid | 84 unused5
 * </pre>
 */
public record SetattrIn(int valid, long fh, long size, long atime, long mtime, int mode, int uid, int gid) {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("valid"),
            U32.withName("padding"), U64.withName("fh"), U64.withName("size"), U64.withName("lock_owner"),
            U64.withName("atime"), U64.withName("mtime"), U64.withName("ctime"), U32.withName("atimensec"),
            U32.withName("mtimensec"), U32.withName("ctimensec"), U32.withName("mode"), U32.withName("unused4"),
            U32.withName("uid"), U32.withName("gid"), U32.withName("unused5"));
    public static final int FATTR_MODE = 1, FATTR_UID = 1 << 1, FATTR_GID = 1 << 2, FATTR_SIZE = 1 << 3,
            FATTR_ATIME = 1 << 4, FATTR_MTIME = 1 << 5, FATTR_FH = 1 << 6, FATTR_ATIME_NOW = 1 << 7,
            FATTR_MTIME_NOW = 1 << 8, FATTR_LOCKOWNER = 1 << 9, FATTR_CTIME = 1 << 10,
            FATTR_KILL_SUIDGID = 1 << 11;

    public static SetattrIn decode(MemorySegment b) throws WireException {
        Wire.requireLength(b, LAYOUT.byteSize(), "fuse_setattr_in");
        return new SetattrIn(b.get(U32, 0), b.get(U64, 8), b.get(U64, 16), b.get(U64, 32), b.get(U64, 40),
                b.get(U32, 68), b.get(U32, 76), b.get(U32, 80));
    }

    /** Returns true when any bit of {@code mask} is set in {@code valid}. */
    public boolean has(int mask) {
        return (valid & mask) != 0;
    }
}
