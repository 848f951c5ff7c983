package io.jfamfs.ns;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;

/** Why a path or log entry cannot enter the namespace, with the errno an API caller should see. */
public record Rejection(Errno errno, String reason) {
    /** Returns this rejection as an exception. */
    public ErrnoException toException() {
        return new ErrnoException(errno, reason);
    }

    static Rejection invalid(String reason) {
        return new Rejection(Errno.EINVAL, reason);
    }
}
