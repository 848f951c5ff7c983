package io.jfamfs.famfs.daemon;

import java.time.Duration;

/**
 * How the famfs file system answers: cache timeouts, cache mode, whether this mount may change
 * metadata, and how often the log is re-read.
 *
 * @param timeout entry and attribute cache timeout ({@code famfs mount -t}); 0 with {@link CacheMode#NEVER}
 * @param readOnly refuse writes and mkdir even on the master
 * @param refreshInterval how often the log header is re-read for entries other hosts appended (≤ 1 s)
 */
public record DaemonConfig(Duration timeout, CacheMode cacheMode, boolean readOnly, Duration refreshInterval) {
    public DaemonConfig {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero() || refreshInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("refresh interval must be in (0, 1 s]: " + refreshInterval);
        }
    }

    /** The defaults: 1 s cache timeout, normal cache mode, read-write, refresh every 500 ms. */
    public static DaemonConfig defaults() {
        return new DaemonConfig(Duration.ofSeconds(1), CacheMode.NORMAL, false, Duration.ofMillis(500));
    }

    /** Returns the timeout the kernel gets: 0 in {@code never} mode. */
    Duration effectiveTimeout() {
        return cacheMode == CacheMode.NEVER ? Duration.ZERO : timeout;
    }

    public DaemonConfig withTimeout(Duration t) {
        return new DaemonConfig(t, cacheMode, readOnly, refreshInterval);
    }

    public DaemonConfig withCacheMode(CacheMode m) {
        return new DaemonConfig(timeout, m, readOnly, refreshInterval);
    }

    public DaemonConfig withReadOnly(boolean r) {
        return new DaemonConfig(timeout, cacheMode, r, refreshInterval);
    }
}
