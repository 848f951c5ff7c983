package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;
import static io.jfamfs.fuse.kernel.Wire.requireLength;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * The fixed-size request bodies that follow {@link InHeader}, one record per C struct, each with a
 * layout (sizes pinned by tests) and a decoder that first checks the body is long enough. Names and
 * data that follow a struct are read by the caller at {@code LAYOUT.byteSize()}.
 */
public final class Requests {
    private Requests() {
    }

    /** {@code fuse_read_in} (40): READ and READDIR(PLUS). */
    public record ReadIn(long fh, long offset, int size, int readFlags, long lockOwner, int flags) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("fh"),
                U64.withName("offset"), U32.withName("size"), U32.withName("read_flags"),
                U64.withName("lock_owner"), U32.withName("flags"), U32.withName("padding"));

        public static ReadIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_read_in");
            return new ReadIn(b.get(U64, 0), b.get(U64, 8), b.get(U32, 16), b.get(U32, 20), b.get(U64, 24),
                    b.get(U32, 32));
        }
    }

    /** {@code fuse_write_in} (40) followed by {@code size} data bytes. */
    public record WriteIn(long fh, long offset, int size, int writeFlags, long lockOwner, int flags) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("fh"),
                U64.withName("offset"), U32.withName("size"), U32.withName("write_flags"),
                U64.withName("lock_owner"), U32.withName("flags"), U32.withName("padding"));

        /** Decodes the struct and checks that the {@code size} data bytes are all in the body. */
        public static WriteIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_write_in");
            WriteIn w = new WriteIn(b.get(U64, 0), b.get(U64, 8), b.get(U32, 16), b.get(U32, 20), b.get(U64, 24),
                    b.get(U32, 32));
            requireLength(b, LAYOUT.byteSize() + Integer.toUnsignedLong(w.size), "fuse_write_in data");
            return w;
        }

        /** Returns the data bytes, a slice of the request buffer (valid only during the request). */
        public MemorySegment data(MemorySegment b) {
            return b.asSlice(LAYOUT.byteSize(), Integer.toUnsignedLong(size));
        }
    }

    /** {@code fuse_open_in} (8): OPEN and OPENDIR; {@code flags} are the open(2) flags. */
    public record OpenIn(int flags, int openFlags) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("flags"),
                U32.withName("open_flags"));

        public static OpenIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_open_in");
            return new OpenIn(b.get(U32, 0), b.get(U32, 4));
        }
    }

    /** {@code fuse_release_in} (24): RELEASE and RELEASEDIR. */
    public record ReleaseIn(long fh, int flags, int releaseFlags, long lockOwner) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("fh"),
                U32.withName("flags"), U32.withName("release_flags"), U64.withName("lock_owner"));

        public static ReleaseIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_release_in");
            return new ReleaseIn(b.get(U64, 0), b.get(U32, 8), b.get(U32, 12), b.get(U64, 16));
        }
    }

    /** {@code fuse_flush_in} (24). */
    public record FlushIn(long fh, long lockOwner) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("fh"),
                U32.withName("unused"), U32.withName("padding"), U64.withName("lock_owner"));

        public static FlushIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_flush_in");
            return new FlushIn(b.get(U64, 0), b.get(U64, 16));
        }
    }

    /** {@code fuse_fsync_in} (16): FSYNC and FSYNCDIR; bit 0 of fsync_flags = fdatasync. */
    public record FsyncIn(long fh, int fsyncFlags) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U64.withName("fh"),
                U32.withName("fsync_flags"), U32.withName("padding"));

        public static FsyncIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_fsync_in");
            return new FsyncIn(b.get(U64, 0), b.get(U32, 8));
        }
    }

    /** {@code fuse_getattr_in} (16); bit 0 of getattr_flags says {@code fh} is valid. */
    public record GetattrIn(int getattrFlags, long fh) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("getattr_flags"),
                U32.withName("dummy"), U64.withName("fh"));
        public static final int GETATTR_FH = 1;

        public static GetattrIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_getattr_in");
            return new GetattrIn(b.get(U32, 0), b.get(U64, 8));
        }
    }

    /** {@code fuse_getxattr_in} (8) for GETXATTR (then a name) and LISTXATTR; GET_FMAP reuses it. */
    public record GetxattrIn(int size) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("size"),
                U32.withName("padding"));

        public static GetxattrIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_getxattr_in");
            return new GetxattrIn(b.get(U32, 0));
        }
    }

    /** {@code fuse_setxattr_in}: 16 bytes with SETXATTR_EXT negotiated, else the 8-byte compat form. */
    public record SetxattrIn(int size, int flags, long byteSize) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("size"),
                U32.withName("flags"), U32.withName("setxattr_flags"), U32.withName("padding"));
        public static final long COMPAT_SIZE = 8;

        public static SetxattrIn decode(MemorySegment b, boolean extended) throws WireException {
            long size = extended ? LAYOUT.byteSize() : COMPAT_SIZE;
            requireLength(b, size, "fuse_setxattr_in");
            return new SetxattrIn(b.get(U32, 0), b.get(U32, 4), size);
        }
    }

    /** {@code fuse_forget_in} (8), and one {@code fuse_forget_one} (16) of BATCH_FORGET. */
    public record Forget(long nodeId, long nlookup) {
        public static final StructLayout ONE_LAYOUT = MemoryLayout.structLayout(U64.withName("nodeid"),
                U64.withName("nlookup"));
        public static final long BATCH_HEADER_SIZE = 8;

        public static Forget decode(long nodeId, MemorySegment b) throws WireException {
            requireLength(b, 8, "fuse_forget_in");
            return new Forget(nodeId, b.get(U64, 0));
        }

        /** Decodes a {@code fuse_batch_forget_in} (count u32, dummy u32) plus its entries. */
        public static Forget[] decodeBatch(MemorySegment b) throws WireException {
            requireLength(b, BATCH_HEADER_SIZE, "fuse_batch_forget_in");
            long count = Integer.toUnsignedLong(b.get(U32, 0));
            requireLength(b, BATCH_HEADER_SIZE + count * ONE_LAYOUT.byteSize(), "fuse_forget_one[]");
            Forget[] out = new Forget[(int) count];
            for (int i = 0; i < count; i++) {
                long at = BATCH_HEADER_SIZE + i * ONE_LAYOUT.byteSize();
                out[i] = new Forget(b.get(U64, at), b.get(U64, at + 8));
            }
            return out;
        }
    }

    /** {@code fuse_interrupt_in} (8): the unique of the request to interrupt. */
    public static long decodeInterrupt(MemorySegment b) throws WireException {
        requireLength(b, 8, "fuse_interrupt_in");
        return b.get(U64, 0);
    }

    /** {@code fuse_mkdir_in} (8) followed by the name. */
    public record MkdirIn(int mode, int umask) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("mode"),
                U32.withName("umask"));

        public static MkdirIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_mkdir_in");
            return new MkdirIn(b.get(U32, 0), b.get(U32, 4));
        }
    }

    /** {@code fuse_mknod_in} (16) followed by the name. */
    public record MknodIn(int mode, int rdev, int umask) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("mode"),
                U32.withName("rdev"), U32.withName("umask"), U32.withName("padding"));

        public static MknodIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_mknod_in");
            return new MknodIn(b.get(U32, 0), b.get(U32, 4), b.get(U32, 8));
        }
    }

    /** {@code fuse_create_in} (16) followed by the name. */
    public record CreateIn(int flags, int mode, int umask, int openFlags) {
        public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("flags"),
                U32.withName("mode"), U32.withName("umask"), U32.withName("open_flags"));

        public static CreateIn decode(MemorySegment b) throws WireException {
            requireLength(b, LAYOUT.byteSize(), "fuse_create_in");
            return new CreateIn(b.get(U32, 0), b.get(U32, 4), b.get(U32, 8), b.get(U32, 12));
        }
    }

    /** {@code fuse_access_in} (8): the access(2) mask (R_OK 4, W_OK 2, X_OK 1). */
    public static int decodeAccessMask(MemorySegment b) throws WireException {
        requireLength(b, 8, "fuse_access_in");
        return b.get(U32, 0);
    }

    /** {@code fuse_rename_in} (8) or {@code fuse_rename2_in} (16), then the old and new names. */
    public record RenameIn(long newDir, int flags, long byteSize) {
        public static RenameIn decode(MemorySegment b, boolean rename2) throws WireException {
            long size = rename2 ? 16 : 8;
            requireLength(b, size, rename2 ? "fuse_rename2_in" : "fuse_rename_in");
            return new RenameIn(b.get(U64, 0), rename2 ? b.get(U32, 8) : 0, size);
        }
    }

    /** {@code fuse_link_in} (8): the existing node, then the new name. */
    public static long decodeLinkOldNode(MemorySegment b) throws WireException {
        requireLength(b, 8, "fuse_link_in");
        return b.get(U64, 0);
    }

    /** {@code fuse_lseek_in} (24). */
    public record LseekIn(long fh, long offset, int whence) {
        public static LseekIn decode(MemorySegment b) throws WireException {
            requireLength(b, 24, "fuse_lseek_in");
            return new LseekIn(b.get(U64, 0), b.get(U64, 8), b.get(U32, 16));
        }
    }

    /** {@code fuse_fallocate_in} (32). */
    public record FallocateIn(long fh, long offset, long length, int mode) {
        public static FallocateIn decode(MemorySegment b) throws WireException {
            requireLength(b, 32, "fuse_fallocate_in");
            return new FallocateIn(b.get(U64, 0), b.get(U64, 8), b.get(U64, 16), b.get(U32, 24));
        }
    }

    /** {@code fuse_copy_file_range_in} (56). */
    public record CopyFileRangeIn(long fhIn, long offIn, long nodeIdOut, long fhOut, long offOut, long len,
            long flags) {
        public static CopyFileRangeIn decode(MemorySegment b) throws WireException {
            requireLength(b, 56, "fuse_copy_file_range_in");
            return new CopyFileRangeIn(b.get(U64, 0), b.get(U64, 8), b.get(U64, 16), b.get(U64, 24),
                    b.get(U64, 32), b.get(U64, 40), b.get(U64, 48));
        }
    }

    /** {@code fuse_get_daxdev_in} (4, famfs 7.46): which daxdev the kernel asks about. */
    public static int decodeGetDaxdev(MemorySegment b) throws WireException {
        requireLength(b, 4, "fuse_get_daxdev_in");
        return b.get(U32, 0);
    }
}
