package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;
import static io.jfamfs.fuse.kernel.Wire.U8;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * Unsolicited notifications written to {@code /dev/fuse}: an {@link OutHeader} with {@code unique=0}
 * and {@code error} = the notify code, then the notify struct.
 * <pre>
 * fuse_notify_inval_inode_out (24): 0 ino | 8 off i64 | 16 len i64   (len 0 with off 0 = whole file)
 * fuse_notify_inval_entry_out (16): 0 parent | 8 namelen u32 | 12 flags u32, then name + NUL
 * </pre>
 */
public final class Notify {
    public static final int INVAL_INODE = 2, INVAL_ENTRY = 3, DELETE = 6;
    public static final long INVAL_INODE_SIZE = 24, INVAL_ENTRY_SIZE = 16;
    /** {@code FUSE_EXPIRE_ONLY}: mark the dentry expired rather than dropping it. */
    public static final int EXPIRE_ONLY = 1;

    private Notify() {
    }

    /** Encodes a whole INVAL_INODE message into {@code dst}; returns its length. */
    public static long encodeInvalInode(MemorySegment dst, long ino, long offset, long length) {
        long total = OutHeader.SIZE + INVAL_INODE_SIZE;
        OutHeader.encode(dst, total, INVAL_INODE, 0);
        dst.set(U64, OutHeader.SIZE, ino);
        dst.set(U64, OutHeader.SIZE + 8, offset);
        dst.set(U64, OutHeader.SIZE + 16, length);
        return total;
    }

    /** Encodes a whole INVAL_ENTRY message (name with its NUL) into {@code dst}; returns its length. */
    public static long encodeInvalEntry(MemorySegment dst, long parent, String name, int flags) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        long total = OutHeader.SIZE + INVAL_ENTRY_SIZE + bytes.length + 1;
        OutHeader.encode(dst, total, INVAL_ENTRY, 0);
        dst.set(U64, OutHeader.SIZE, parent);
        dst.set(U32, OutHeader.SIZE + 8, bytes.length);
        dst.set(U32, OutHeader.SIZE + 12, flags);
        MemorySegment.copy(bytes, 0, dst, U8, OutHeader.SIZE + INVAL_ENTRY_SIZE, bytes.length);
        dst.set(U8, total - 1, (byte) 0);
        return total;
    }
}
