package io.jfamfs.alloc;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.sys.ErrnoException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One allocation session over an {@link AllocationBitmap} ({@code famfs_file_alloc}). Contiguous
 * files are first-fit from unit 0 at the start of a session, then next-fit from the end of the last
 * allocation (no wrap-around), exactly as the reference's {@code lp->cur_pos}. Interleaved files take
 * one strip from each of {@code nstrips} buckets visited in a random order; unlike the reference's
 * {@code bitmap_alloc_contiguous}, a strip never spills over into the next bucket. A failed
 * allocation leaves the bitmap as it was. Not thread-safe.
 */
public final class Allocator {
    private final AllocationBitmap bitmap;
    private final RandomGenerator random;
    private long cursor;

    /** Starts a session over {@code bitmap} (which this allocator updates) with bucket order from {@code random}. */
    public Allocator(AllocationBitmap bitmap, RandomGenerator random) {
        this.bitmap = bitmap;
        this.random = random;
    }

    public AllocationBitmap bitmap() {
        return bitmap;
    }

    /** Returns the next-fit cursor, in units. */
    public long cursor() {
        return cursor;
    }

    /** Starts a new session: the next contiguous allocation is first-fit again. */
    public void resetSession() {
        cursor = 0;
    }

    /** Allocates {@code size} bytes contiguously, or striped when {@code interleave} is not null. */
    public Fmap allocate(long size, InterleaveParams interleave) throws ErrnoException {
        if (size <= 0) {
            throw new ErrnoException(io.jfamfs.sys.Errno.EINVAL, "file size must be positive: size=" + size);
        }
        return interleave == null ? allocateContiguous(size) : allocateInterleaved(size, interleave);
    }

    /** Allocates one extent of {@code size} rounded up to units, next-fit from the cursor. */
    public Fmap.Simple allocateContiguous(long size) throws NoSpaceException {
        long au = bitmap.geometry().allocUnit();
        long count = Geometry.ceilDiv(size, au);
        long start = bitmap.findFree(cursor, bitmap.units(), count);
        if (start < 0) {
            throw noSpace(count, cursor);
        }
        bitmap.take(start, count);
        cursor = start + count;
        return new Fmap.Simple(List.of(new SimpleExtent(0, start * au, count * au)));
    }

    /**
     * Allocates {@code size} bytes striped as {@code p} says ({@code famfs_file_strided_alloc}). A file
     * smaller than one chunk gets a contiguous first-fit extent instead, as in the reference.
     */
    public Fmap allocateInterleaved(long size, InterleaveParams p) throws ErrnoException {
        Geometry g = bitmap.geometry();
        p.validate(g);
        if (size < p.chunkSize()) {
            cursor = 0; // the reference resets cur_pos for this fallback
            return allocateContiguous(size);
        }
        long au = g.allocUnit();
        long allocUnits = Geometry.ceilDiv(size, au);
        long chunkUnits = p.chunkSize() / au;
        long bucketUnits = (g.deviceSize() / au) / p.nbuckets();
        long stripeUnits = p.nstrips() * chunkUnits;
        long stripUnits = Geometry.ceilDiv(allocUnits, stripeUnits) * chunkUnits;
        List<SimpleExtent> strips = new ArrayList<>(p.nstrips());
        for (int bucket : permutation(p.nbuckets())) {
            long from = bucket * bucketUnits;
            long start = bitmap.findFree(from, from + bucketUnits, stripUnits);
            if (start >= 0) {
                bitmap.take(start, stripUnits);
                strips.add(new SimpleExtent(0, start * au, stripUnits * au));
                if (strips.size() == p.nstrips()) {
                    return new Fmap.Interleaved(p.nstrips(), p.chunkSize(), strips);
                }
            }
        }
        for (SimpleExtent s : strips) {
            bitmap.release(s.offset() / au, stripUnits);
        }
        throw new NoSpaceException("no space: need %d strips of %d MiB in distinct buckets of %d MiB, found %d"
                .formatted(p.nstrips(), stripUnits * au >> 20, bucketUnits * au >> 20, strips.size()));
    }

    /** Returns 0..n-1 shuffled with Fisher-Yates, as {@code bucket_series_alloc}. */
    private int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private NoSpaceException noSpace(long count, long from) {
        long au = bitmap.geometry().allocUnit();
        String where = from == 0 ? "" : " at or after unit %d (next-fit within this session)".formatted(from);
        return new NoSpaceException("no space: need %d MiB contiguous%s, largest free run %d MiB"
                .formatted(count * au >> 20, where, bitmap.largestFreeRun() * au >> 20));
    }
}
