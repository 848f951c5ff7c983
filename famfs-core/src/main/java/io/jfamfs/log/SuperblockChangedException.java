package io.jfamfs.log;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;

/**
 * The superblock is not the one this log was opened with: the device was re-formatted (perhaps
 * by another host) or destroyed. Everything cached about it is stale (ESTALE); reopen the device.
 */
public final class SuperblockChangedException extends ErrnoException {
    public SuperblockChangedException(String message) {
        super(Errno.ESTALE, message);
    }
}
