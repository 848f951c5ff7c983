package io.jfamfs.api;

import io.jfamfs.alloc.InterleaveParams;

/**
 * How to stripe a new file (famfs {@code creat -B/-N/-C}): {@code nstrips} strips (1..16) taken
 * from distinct buckets among {@code nbuckets} (1..64) equal slices of the device, each bucket at
 * least 1 GiB, striped round-robin in {@code chunkSize} chunks (a power of two multiple of 2 MiB).
 * A file smaller than one chunk is allocated contiguously instead, as the reference does.
 */
public record Interleave(int nbuckets, int nstrips, long chunkSize) {
    InterleaveParams params() {
        return new InterleaveParams(nbuckets, nstrips, chunkSize);
    }
}
