package io.jfamfs.sys;

/** The Linux x86-64 errno values that jfamfs names; any other value is carried as a number. */
public enum Errno {
    EPERM(1), ENOENT(2), ESRCH(3), EINTR(4), EIO(5), ENXIO(6), E2BIG(7), EBADF(9), EAGAIN(11),
    ENOMEM(12), EACCES(13), EFAULT(14), EBUSY(16), EEXIST(17), EXDEV(18), ENODEV(19), ENOTDIR(20),
    EISDIR(21), EINVAL(22), ENFILE(23), EMFILE(24), ENOTTY(25), EFBIG(27), ENOSPC(28), ESPIPE(29),
    EROFS(30), EMLINK(31), ERANGE(34), ENAMETOOLONG(36), ENOLCK(37), ENOSYS(38), ENOTEMPTY(39),
    ELOOP(40), ENODATA(61), EOVERFLOW(75), EOPNOTSUPP(95), ECONNABORTED(103), ENOTCONN(107),
    ETIMEDOUT(110), ESTALE(116);

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    /** Returns the positive errno number. */
    public int code() {
        return code;
    }

    private static final Errno[] BY_CODE = new Errno[128];

    static {
        for (Errno e : values()) {
            BY_CODE[e.code] = e;
        }
    }

    /** Returns the named constant for {@code code}, or {@code null} when jfamfs has no name for it. */
    public static Errno ofCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Returns the symbolic name of any errno number, e.g. {@code "ENOENT"} or {@code "errno 200"}. */
    public static String name(int code) {
        Errno e = ofCode(code);
        return e != null ? e.name() : "errno " + code;
    }
}
