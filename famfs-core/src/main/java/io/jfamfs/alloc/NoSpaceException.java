package io.jfamfs.alloc;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;

/** No free run of allocation units is large enough (ENOSPC). */
public final class NoSpaceException extends ErrnoException {
    public NoSpaceException(String message) {
        super(Errno.ENOSPC, message);
    }
}
