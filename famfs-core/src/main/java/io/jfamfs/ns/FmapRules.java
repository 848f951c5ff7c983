package io.jfamfs.ns;

import io.jfamfs.alloc.AllocationBitmap;
import io.jfamfs.alloc.Geometry;
import io.jfamfs.alloc.InterleaveParams;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The strict fmap rules: a positive size covered by the extents; every extent on daxdev 0,
 * alloc-unit aligned, inside the device, outside the reserved region, overlapping neither another
 * file nor another extent of the same file; interleave parameters consistent with the strips.
 */
final class FmapRules {
    /** {@code FAMFS_MAX_SIMPLE_EXTENTS}. */
    static final int MAX_EXTENTS = 16;

    private FmapRules() {
    }

    /** Returns why a file of {@code size} bytes with {@code fmap} cannot exist beside {@code used}, or null. */
    static Rejection checkOrNull(Geometry g, AllocationBitmap used, long size, Fmap fmap) {
        if (size <= 0) {
            return Rejection.invalid("file size must be positive: size=" + size);
        }
        List<SimpleExtent> extents;
        long capacity;
        switch (fmap) {
            case Fmap.Simple s -> {
                extents = s.extents();
                if (extents.isEmpty() || extents.size() > MAX_EXTENTS) {
                    return Rejection.invalid("a simple fmap needs 1 to %d extents, found %d"
                            .formatted(MAX_EXTENTS, extents.size()));
                }
                capacity = extents.stream().mapToLong(SimpleExtent::length).sum();
            }
            case Fmap.Interleaved i -> {
                Rejection r = checkInterleave(g, i);
                if (r != null) {
                    return r;
                }
                extents = i.strips();
                capacity = extents.getFirst().length() * i.nstrips();
            }
        }
        Rejection r = checkExtents(g, used, extents);
        if (r != null) {
            return r;
        }
        if (capacity < size) {
            return Rejection.invalid("extents hold %d bytes, less than the file size %d".formatted(capacity, size));
        }
        return null;
    }

    private static Rejection checkInterleave(Geometry g, Fmap.Interleaved i) {
        long n = i.nstrips();
        if (n < 1 || n > InterleaveParams.MAX_STRIPS) {
            return Rejection.invalid("interleave: nstrips %d must be between 1 and %d".formatted(n, InterleaveParams.MAX_STRIPS));
        }
        if (i.strips().size() != n) {
            return Rejection.invalid("interleave: nstrips is %d but %d strips are recorded".formatted(n, i.strips().size()));
        }
        long chunk = i.chunkSize();
        if (chunk <= 0 || Long.bitCount(chunk) != 1 || chunk % g.allocUnit() != 0) {
            return Rejection.invalid("interleave: chunk size %d is not a power of two multiple of the alloc unit %d"
                    .formatted(chunk, g.allocUnit()));
        }
        long stripLength = i.strips().getFirst().length();
        for (int k = 0; k < n; k++) {
            long len = i.strips().get(k).length();
            if (len != stripLength || len % chunk != 0) {
                return Rejection.invalid("interleave: strip %d is %d bytes; strips must all be %d bytes, a multiple of the chunk size %d"
                        .formatted(k, len, stripLength, chunk));
            }
        }
        return null;
    }

    private static Rejection checkExtents(Geometry g, AllocationBitmap used, List<SimpleExtent> extents) {
        long au = g.allocUnit();
        for (int k = 0; k < extents.size(); k++) {
            SimpleExtent e = extents.get(k);
            String what = "extent %d [0x%x, +0x%x)".formatted(k, e.offset(), e.length());
            if (e.devIndex() != 0) {
                return Rejection.invalid(what + " is on daxdev " + e.devIndex() + "; only daxdev 0 is supported");
            }
            if (e.length() <= 0 || e.offset() % au != 0 || e.length() % au != 0) {
                return Rejection.invalid(what + " is not a positive multiple of the alloc unit 0x%x".formatted(au));
            }
            if (e.offset() < 0 || e.offset() > g.deviceSize() - e.length()) {
                return Rejection.invalid(what + " lies outside the device (size 0x%x)".formatted(g.deviceSize()));
            }
            if (e.offset() < g.reservedEnd()) {
                return Rejection.invalid(what + " lies in the reserved region [0, 0x%x) of superblock and log"
                        .formatted(g.reservedEnd()));
            }
            if (used.anyUsed(e.offset(), e.length())) {
                return Rejection.invalid(what + " overlaps another file");
            }
        }
        List<SimpleExtent> sorted = new ArrayList<>(extents);
        sorted.sort(Comparator.comparingLong(SimpleExtent::offset));
        for (int k = 1; k < sorted.size(); k++) {
            if (sorted.get(k).offset() < sorted.get(k - 1).end()) {
                return Rejection.invalid("extents overlap each other at 0x%x".formatted(sorted.get(k).offset()));
            }
        }
        return null;
    }
}
