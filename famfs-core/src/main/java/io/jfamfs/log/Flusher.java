package io.jfamfs.log;

import java.io.IOException;

/** Makes device bytes {@code [offset, offset+length)} visible to other hosts (msync or a cache flush). */
@FunctionalInterface
public interface Flusher {
    void flush(long deviceOffset, long length) throws IOException;
}
