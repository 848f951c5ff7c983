package io.jfamfs.cli;

import picocli.CommandLine.Option;

/** {@code -N/--nstrips}, {@code -B/--nbuckets}, {@code -C/--chunksize}: ask for an interleaved (striped) file. */
final class InterleaveOptions {
    /** The reference's default chunk size for {@code creat}/{@code cp}. */
    static final long DEFAULT_CHUNK = 2L << 20;

    @Option(names = {"-N", "--nstrips"}, converter = Converters.Base0Int.class, paramLabel = "N",
            description = "Strips per file (at most 16 and at most NBUCKETS).")
    Integer nstrips;

    @Option(names = {"-B", "--nbuckets"}, converter = Converters.Base0Int.class, paramLabel = "NBUCKETS",
            description = "Split the device into NBUCKETS equal buckets (at most 64, each at least 1 GiB).")
    Integer nbuckets;

    @Option(names = {"-C", "--chunksize"}, converter = Converters.Size.class, paramLabel = "SIZE",
            description = "Chunk size: a power of two and a multiple of 2 MiB (default 2m).")
    Long chunkSize;

    /** Returns true when any of the three flags was given. */
    boolean requested() {
        return nstrips != null || nbuckets != null || chunkSize != null;
    }

    /** The requested parameters with defaults filled in (nbuckets defaults to nstrips, nstrips to nbuckets). */
    Interleave resolve() {
        int n = nstrips != null ? nstrips : nbuckets != null ? nbuckets : 1;
        int b = nbuckets != null ? nbuckets : n;
        return new Interleave(b, n, chunkSize != null ? chunkSize : DEFAULT_CHUNK);
    }

    /** Interleave parameters as the user gave them; validated by the allocator against the device. */
    record Interleave(int nbuckets, int nstrips, long chunkSize) {
    }
}
