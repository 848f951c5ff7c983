package io.jfamfs.sys;

import java.io.IOException;

/** A failed system call or file system operation, with the errno a FUSE reply or exit code needs. */
public class ErrnoException extends IOException {
    private final int errno;

    public ErrnoException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    public ErrnoException(Errno errno, String message) {
        this(errno.code(), message);
    }

    /** Builds the exception for a failed call: {@code "mmap /dev/dax0.0: ENODEV (No such device)"}. */
    public static ErrnoException of(int errno, String what) {
        return new ErrnoException(errno, what + ": " + Errno.name(errno) + " (" + Posix.strerror(errno) + ")");
    }

    /** Returns the positive errno number. */
    public int errno() {
        return errno;
    }

    /** Returns true when this carries {@code e}. */
    public boolean is(Errno e) {
        return errno == e.code();
    }
}
