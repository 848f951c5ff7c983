package io.jfamfs.famfs.daemon;

import io.jfamfs.fuse.kernel.OpenOut;
import java.util.Locale;

/**
 * How much the kernel may cache, as {@code famfs mount --cache MODE}:
 * <ul>
 *   <li>{@code never}: files open with FOPEN_DIRECT_IO, names and attributes are not cached
 *       (timeouts 0): every stat and open asks the daemon.</li>
 *   <li>{@code normal} (default): FOPEN_DIRECT_IO (reads and writes always see other hosts' stores),
 *       names and attributes cached for the mount timeout. mmap goes through the page cache and is
 *       coherent only up to the daemon's invalidations (see DESIGN.md).</li>
 *   <li>{@code always}: page cache with FOPEN_KEEP_CACHE and the mount timeout: fastest re-reads, but
 *       stores by other hosts stay invisible until the file's cache is dropped. For read-mostly data.</li>
 * </ul>
 */
public enum CacheMode {
    NEVER, NORMAL, ALWAYS;

    /** Parses {@code always|normal|never}. */
    public static CacheMode parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cache mode must be always, normal or never: " + s);
        }
    }

    /** Returns the FOPEN_* flags for a regular file. */
    int openFlags() {
        return this == ALWAYS ? OpenOut.FOPEN_KEEP_CACHE : OpenOut.FOPEN_DIRECT_IO;
    }
}
