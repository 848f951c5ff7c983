package io.jfamfs.alloc;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;

/**
 * How to stripe a file: {@code nstrips} strips drawn from distinct buckets among {@code nbuckets}
 * equal slices of the device, round-robin in {@code chunkSize} chunks (famfs's {@code -B/-N/-C}).
 */
public record InterleaveParams(int nbuckets, int nstrips, long chunkSize) {
    /** {@code FAMFS_MAX_NBUCKETS}. */
    public static final int MAX_BUCKETS = 64;
    /** The size of {@code ie_strips[]}; the reference checks it only in its CLI. */
    public static final int MAX_STRIPS = 16;
    /** The smallest bucket the reference accepts ({@code famfs_validate_interleave_param}). */
    public static final long MIN_BUCKET_SIZE = 1L << 30;

    /**
     * Checks these parameters against a device, as {@code famfs_validate_interleave_param} plus the
     * 16-strip limit, and throws EINVAL naming the rule that failed.
     */
    public void validate(Geometry g) throws ErrnoException {
        long au = g.allocUnit();
        if (chunkSize <= 0 || Long.bitCount(chunkSize) != 1 || chunkSize % au != 0) {
            throw invalid("chunk size %d must be a power of two and a multiple of the %d-byte alloc unit"
                    .formatted(chunkSize, au));
        }
        if (nbuckets < 1 || nbuckets > MAX_BUCKETS) {
            throw invalid("nbuckets %d must be between 1 and %d".formatted(nbuckets, MAX_BUCKETS));
        }
        if (nstrips < 1 || nstrips > MAX_STRIPS) {
            throw invalid("nstrips %d must be between 1 and %d".formatted(nstrips, MAX_STRIPS));
        }
        if (nstrips > nbuckets) {
            throw invalid("nstrips %d must not exceed nbuckets %d".formatted(nstrips, nbuckets));
        }
        long bucketSize = g.deviceSize() / nbuckets;
        if (bucketSize < MIN_BUCKET_SIZE) {
            throw invalid("bucket size %d MiB (device %d MiB / %d buckets) is below the 1024 MiB minimum"
                    .formatted(bucketSize >> 20, g.deviceSize() >> 20, nbuckets));
        }
    }

    private ErrnoException invalid(String why) {
        return new ErrnoException(Errno.EINVAL, "invalid interleave parameters (nbuckets=%d nstrips=%d chunk=%d): %s"
                .formatted(nbuckets, nstrips, chunkSize, why));
    }
}
