package io.jfamfs.api;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;

/** The device holds no valid famfs superblock or log header (never formatted, killed, or corrupt). */
public final class NotFamfsException extends ErrnoException {
    public NotFamfsException(String message) {
        super(Errno.EINVAL, message);
    }
}
