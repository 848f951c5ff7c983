package io.jfamfs.fuse.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The 64-bit INIT capability bits ({@code flags | (long) flags2 << 32}); bits 32..63 travel in
 * {@code flags2} and are only read by the kernel when {@link #INIT_EXT} is set in the reply.
 */
public final class InitFlags {
    public static final long ASYNC_READ = 1L << 0, POSIX_LOCKS = 1L << 1, FILE_OPS = 1L << 2,
            ATOMIC_O_TRUNC = 1L << 3, EXPORT_SUPPORT = 1L << 4, BIG_WRITES = 1L << 5, DONT_MASK = 1L << 6,
            SPLICE_WRITE = 1L << 7, SPLICE_MOVE = 1L << 8, SPLICE_READ = 1L << 9, FLOCK_LOCKS = 1L << 10,
            HAS_IOCTL_DIR = 1L << 11, AUTO_INVAL_DATA = 1L << 12, DO_READDIRPLUS = 1L << 13,
            READDIRPLUS_AUTO = 1L << 14, ASYNC_DIO = 1L << 15, WRITEBACK_CACHE = 1L << 16,
            NO_OPEN_SUPPORT = 1L << 17, PARALLEL_DIROPS = 1L << 18, HANDLE_KILLPRIV = 1L << 19,
            POSIX_ACL = 1L << 20, ABORT_ERROR = 1L << 21, MAX_PAGES = 1L << 22, CACHE_SYMLINKS = 1L << 23,
            NO_OPENDIR_SUPPORT = 1L << 24, EXPLICIT_INVAL_DATA = 1L << 25, MAP_ALIGNMENT = 1L << 26,
            SUBMOUNTS = 1L << 27, HANDLE_KILLPRIV_V2 = 1L << 28, SETXATTR_EXT = 1L << 29, INIT_EXT = 1L << 30,
            INIT_RESERVED = 1L << 31, SECURITY_CTX = 1L << 32, HAS_INODE_DAX = 1L << 33,
            CREATE_SUPP_GROUP = 1L << 34, HAS_EXPIRE_ONLY = 1L << 35, DIRECT_IO_ALLOW_MMAP = 1L << 36,
            PASSTHROUGH = 1L << 37, NO_EXPORT_SUPPORT = 1L << 38, HAS_RESEND = 1L << 39,
            ALLOW_IDMAP = 1L << 40, OVER_IO_URING = 1L << 41, REQUEST_TIMEOUT = 1L << 42;
    /**
     * Bit 43: {@code FUSE_DAX_FMAP} on famfs kernels. Other out-of-tree series reuse bit 43, so it
     * means "famfs" only together with protocol minor ≥ {@link #DAX_FMAP_MIN_MINOR}.
     */
    public static final long DAX_FMAP = 1L << 43;
    public static final int DAX_FMAP_MIN_MINOR = 46;

    private static final String[] NAMES = {"ASYNC_READ", "POSIX_LOCKS", "FILE_OPS", "ATOMIC_O_TRUNC",
        "EXPORT_SUPPORT", "BIG_WRITES", "DONT_MASK", "SPLICE_WRITE", "SPLICE_MOVE", "SPLICE_READ",
        "FLOCK_LOCKS", "HAS_IOCTL_DIR", "AUTO_INVAL_DATA", "DO_READDIRPLUS", "READDIRPLUS_AUTO", "ASYNC_DIO",
        "WRITEBACK_CACHE", "NO_OPEN_SUPPORT", "PARALLEL_DIROPS", "HANDLE_KILLPRIV", "POSIX_ACL",
        "ABORT_ERROR", "MAX_PAGES", "CACHE_SYMLINKS", "NO_OPENDIR_SUPPORT", "EXPLICIT_INVAL_DATA",
        "MAP_ALIGNMENT", "SUBMOUNTS", "HANDLE_KILLPRIV_V2", "SETXATTR_EXT", "INIT_EXT", "INIT_RESERVED",
        "SECURITY_CTX", "HAS_INODE_DAX", "CREATE_SUPP_GROUP", "HAS_EXPIRE_ONLY", "DIRECT_IO_ALLOW_MMAP",
        "PASSTHROUGH", "NO_EXPORT_SUPPORT", "HAS_RESEND", "ALLOW_IDMAP", "OVER_IO_URING", "REQUEST_TIMEOUT",
        "DAX_FMAP(bit43)"};

    private InitFlags() {
    }

    /** Names the bits set in {@code flags}, e.g. {@code [ASYNC_READ, MAX_PAGES, bit50]}, for the log. */
    public static List<String> names(long flags) {
        List<String> out = new ArrayList<>();
        for (int bit = 0; bit < 64; bit++) {
            if ((flags & (1L << bit)) != 0) {
                out.add(bit < NAMES.length ? NAMES[bit] : "bit" + bit);
            }
        }
        return out;
    }
}
