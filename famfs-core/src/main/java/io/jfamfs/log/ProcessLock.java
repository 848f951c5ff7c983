package io.jfamfs.log;

import java.io.IOException;

/**
 * A lock shared with other processes on this host, held around every append so that two
 * writers never claim the same slot or the same allocation units. Calls nest in
 * {@link MetadataLog}'s thread lock, so an implementation never sees two threads at once.
 */
public interface ProcessLock extends AutoCloseable {
    /** Blocks until this process holds the lock. */
    void lock() throws IOException;

    /** Releases the lock. */
    void unlock() throws IOException;

    /** Releases resources (the fd); the lock is released with them. */
    @Override
    void close();

    /** A lock for tests and single-process use: does nothing. */
    static ProcessLock none() {
        return new ProcessLock() {
            @Override
            public void lock() {
            }

            @Override
            public void unlock() {
            }

            @Override
            public void close() {
            }
        };
    }
}
