package io.jfamfs.log;

import io.jfamfs.sys.ErrnoException;
import io.jfamfs.sys.Posix;
import java.nio.file.Path;

/**
 * {@link ProcessLock} by {@code flock(LOCK_EX)} on the device file itself (a regular file on tmpfs
 * or a devdax character device: flock works on both). flock locks belong to the open file
 * description, so each instance opens its own fd: two {@code Famfs} objects in one JVM exclude each
 * other exactly like two processes do.
 */
public final class FlockLock implements ProcessLock {
    private final int fd;
    private final String subject;

    /** Opens {@code device} read-only for locking. */
    public FlockLock(Path device) throws ErrnoException {
        this.subject = device.toString();
        this.fd = Posix.open(subject, Posix.O_RDONLY, 0);
    }

    @Override
    public void lock() throws ErrnoException {
        Posix.flock(fd, Posix.LOCK_EX, subject);
    }

    @Override
    public void unlock() throws ErrnoException {
        Posix.flock(fd, Posix.LOCK_UN, subject);
    }

    @Override
    public void close() {
        Posix.closeQuietly(fd);
    }
}
