package io.jfamfs.alloc;

/**
 * The shape of a famfs device for allocation: its size, its allocation unit, and the end of the
 * reserved region (superblock plus log) that is never allocated.
 *
 * @param deviceSize  {@code ts_daxdev.dd_size} in bytes
 * @param allocUnit   {@code ts_alloc_unit}: 2 MiB on every device mkfs makes (4096 is accepted on read)
 * @param reservedEnd first byte after the log: the reference uses the fixed 2 MiB superblock size plus
 *                    {@code ts_log_len}, not {@code ts_log_offset} ({@code famfs_build_bitmap})
 */
public record Geometry(long deviceSize, long allocUnit, long reservedEnd) {
    /** The superblock region's size; the log starts right after it. */
    public static final long SUPERBLOCK_REGION = 2L << 20;

    public Geometry {
        if (allocUnit <= 0 || Long.bitCount(allocUnit) != 1) {
            throw new IllegalArgumentException("alloc unit must be a power of two: " + allocUnit);
        }
        if (deviceSize <= 0 || reservedEnd < 0) {
            throw new IllegalArgumentException("bad geometry: deviceSize=%d reservedEnd=%d"
                    .formatted(deviceSize, reservedEnd));
        }
    }

    /** Returns the geometry of a device with a log of {@code logLength} bytes after the 2 MiB superblock. */
    public static Geometry of(long deviceSize, long allocUnit, long logLength) {
        return new Geometry(deviceSize, allocUnit, SUPERBLOCK_REGION + logLength);
    }

    /** Returns the number of allocation units, {@code ceil(deviceSize / allocUnit)} as the reference. */
    public long units() {
        return ceilDiv(deviceSize, allocUnit);
    }

    /** Returns the number of units the reserved region covers. */
    public long reservedUnits() {
        return Math.min(units(), ceilDiv(reservedEnd, allocUnit));
    }

    /** Rounds {@code bytes} up to whole allocation units. */
    public long roundUp(long bytes) {
        return ceilDiv(bytes, allocUnit) * allocUnit;
    }

    static long ceilDiv(long a, long b) {
        return Math.ceilDiv(a, b);
    }
}
