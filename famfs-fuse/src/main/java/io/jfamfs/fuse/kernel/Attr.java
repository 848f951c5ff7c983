package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct fuse_attr} (88 bytes): what stat(2) shows for a node.
 * <pre>
 *  0 ino | 8 size | 16 blocks (512-byte units) | 24 atime | 32 mtime | 40 ctime | 48 atimensec u32
 * 52 mtimensec | 56 ctimensec | 60 mode | 64 nlink | 68 uid | 72 gid | 76 rdev | 80 blksize | 84 flags
 * </pre>
 */
public record Attr(long ino, long size, long blocks, long atime, int atimeNsec, long mtime, int mtimeNsec,
        long ctime, int ctimeNsec, int mode, int nlink, int uid, int gid, int rdev, int blksize, int flags) {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("ino"),
            U64.withName("size"), U64.withName("blocks"), U64.withName("atime"), U64.withName("mtime"),
            U64.withName("ctime"), U32.withName("atimensec"), U32.withName("mtimensec"),
            U32.withName("ctimensec"), U32.withName("mode"), U32.withName("nlink"), U32.withName("uid"),
            U32.withName("gid"), U32.withName("rdev"), U32.withName("blksize"), U32.withName("flags"));
    public static final long SIZE = LAYOUT.byteSize();
    public static final int S_IFDIR = 0040000, S_IFREG = 0100000, S_IFLNK = 0120000;

    /** Builds the attributes of a node whose three times are all {@code epochSecond}. */
    public static Attr of(long ino, int mode, int nlink, long size, int uid, int gid, long epochSecond) {
        return new Attr(ino, size, (size + 511) / 512, epochSecond, 0, epochSecond, 0, epochSecond, 0, mode,
                nlink, uid, gid, 0, 4096, 0);
    }

    /** Writes this into {@code dst} at {@code offset}. */
    public void encode(MemorySegment dst, long offset) {
        dst.set(U64, offset, ino);
        dst.set(U64, offset + 8, size);
        dst.set(U64, offset + 16, blocks);
        dst.set(U64, offset + 24, atime);
        dst.set(U64, offset + 32, mtime);
        dst.set(U64, offset + 40, ctime);
        dst.set(U32, offset + 48, atimeNsec);
        dst.set(U32, offset + 52, mtimeNsec);
        dst.set(U32, offset + 56, ctimeNsec);
        dst.set(U32, offset + 60, mode);
        dst.set(U32, offset + 64, nlink);
        dst.set(U32, offset + 68, uid);
        dst.set(U32, offset + 72, gid);
        dst.set(U32, offset + 76, rdev);
        dst.set(U32, offset + 80, blksize);
        dst.set(U32, offset + 84, flags);
    }

    /** Returns the file type bits as the {@code d_type} of a dirent (DT_DIR 4, DT_REG 8, DT_LNK 10). */
    public int direntType() {
        return (mode & 0170000) >>> 12;
    }
}
