package io.jfamfs.fuse.kernel;

/**
 * The request opcodes of {@code enum fuse_opcode} (7.45, plus the famfs 7.46 proposal 54/55), as a
 * table: code, and whether the kernel expects a reply. FORGET, BATCH_FORGET and INTERRUPT are
 * fire-and-forget: answering them would be a protocol error the kernel logs.
 */
public enum Opcode {
    LOOKUP(1), FORGET(2, false), GETATTR(3), SETATTR(4), READLINK(5), SYMLINK(6), MKNOD(8), MKDIR(9),
    UNLINK(10), RMDIR(11), RENAME(12), LINK(13), OPEN(14), READ(15), WRITE(16), STATFS(17), RELEASE(18),
    FSYNC(20), SETXATTR(21), GETXATTR(22), LISTXATTR(23), REMOVEXATTR(24), FLUSH(25), INIT(26),
    OPENDIR(27), READDIR(28), RELEASEDIR(29), FSYNCDIR(30), GETLK(31), SETLK(32), SETLKW(33), ACCESS(34),
    CREATE(35), INTERRUPT(36, false), BMAP(37), DESTROY(38), IOCTL(39), POLL(40), NOTIFY_REPLY(41, false),
    BATCH_FORGET(42, false), FALLOCATE(43), READDIRPLUS(44), RENAME2(45), LSEEK(46), COPY_FILE_RANGE(47),
    SETUPMAPPING(48), REMOVEMAPPING(49), SYNCFS(50), TMPFILE(51), STATX(52), COPY_FILE_RANGE_64(53),
    /** famfs kernels only (bit 43 with minor ≥ 46): the server returns a file's device map. */
    GET_FMAP(54),
    /** famfs kernels only: the server names daxdev number N of the file system. */
    GET_DAXDEV(55);

    private static final Opcode[] BY_CODE = new Opcode[64];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;
    private final boolean replies;

    Opcode(int code) {
        this(code, true);
    }

    Opcode(int code, boolean replies) {
        this.code = code;
        this.replies = replies;
    }

    /** Returns the wire value. */
    public int code() {
        return code;
    }

    /** Returns false for the opcodes the kernel expects no answer to. */
    public boolean expectsReply() {
        return replies;
    }

    /** Returns the opcode for {@code code}, or {@code null} for one this table does not know. */
    public static Opcode ofCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
