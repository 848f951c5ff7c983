package io.jfamfs.alloc;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.util.BitSet;

/**
 * One bit per allocation unit ({@code famfs_build_bitmap}): set means used. The reserved region is
 * set at construction. Marking an already-set unit counts a collision, as the reference does, so
 * fsck can report overlapping files. Not thread-safe: a single writer owns it.
 */
public final class AllocationBitmap {
    private final Geometry geometry;
    private final long units;
    private final BitSet bits;
    private final long blockedUnits;
    private long usedUnits;
    private long collisions;

    /** Creates a bitmap with only the reserved region marked. */
    public AllocationBitmap(Geometry geometry) {
        this.geometry = geometry;
        this.units = geometry.units();
        if (units > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("device too large for a bitmap: units=" + units);
        }
        this.bits = new BitSet((int) units);
        bits.set(0, (int) geometry.reservedUnits());
        // A last unit that the device ends inside can never hold a file: block it, so that an
        // allocation never runs past the device (the reference's ceil() would hand it out).
        long tail = geometry.deviceSize() % geometry.allocUnit() != 0 && units > geometry.reservedUnits() ? 1 : 0;
        if (tail == 1) {
            bits.set((int) units - 1);
        }
        blockedUnits = geometry.reservedUnits() + tail;
        usedUnits = blockedUnits;
    }

    private AllocationBitmap(AllocationBitmap other) {
        this.geometry = other.geometry;
        this.units = other.units;
        this.blockedUnits = other.blockedUnits;
        this.bits = (BitSet) other.bits.clone();
        this.usedUnits = other.usedUnits;
        this.collisions = other.collisions;
    }

    /** Returns an independent copy (for an allocation session that may be abandoned). */
    public AllocationBitmap copy() {
        return new AllocationBitmap(this);
    }

    public Geometry geometry() {
        return geometry;
    }

    /** Returns the number of units ({@code nbits}). */
    public long units() {
        return units;
    }

    /** Returns whether unit {@code unit} is used. */
    public boolean isUsed(long unit) {
        return bits.get(Math.toIntExact(unit));
    }

    /** Returns whether any unit overlapping device bytes {@code [offset, offset+length)} is used. */
    public boolean anyUsed(long offset, long length) {
        if (offset < 0 || length <= 0 || offset / geometry.allocUnit() >= units) {
            return false;
        }
        long end = offset + length < offset ? Long.MAX_VALUE : offset + length;
        int from = (int) (offset / geometry.allocUnit());
        int to = (int) Math.min(units, Geometry.ceilDiv(end, geometry.allocUnit()));
        int next = bits.nextSetBit(from);
        return next >= 0 && next < to;
    }

    /**
     * Marks the units overlapping {@code [offset, offset+length)} (clipped to the device) and returns
     * how many of them were already used (collisions).
     */
    public long mark(long offset, long length) {
        if (offset < 0 || length <= 0) {
            return 0; // a u64 past 2^63 read from a corrupt entry: nowhere on the device
        }
        long au = geometry.allocUnit();
        long end = offset + length < offset ? Long.MAX_VALUE : offset + length;
        int from = (int) Math.min(units, offset / au);
        int to = (int) Math.min(units, Geometry.ceilDiv(end, au));
        long already = from < to ? bits.get(from, to).cardinality() : 0;
        bits.set(from, to);
        usedUnits += (to - from) - already;
        collisions += already;
        return already;
    }

    /** Marks every extent or strip of {@code fmap}; returns the collisions this caused. */
    public long mark(Fmap fmap) {
        long c = 0;
        for (SimpleExtent e : extents(fmap)) {
            c += mark(e.offset(), e.length());
        }
        return c;
    }

    /** Clears units {@code [fromUnit, fromUnit+count)}, which must have been set by an allocation. */
    void release(long fromUnit, long count) {
        int from = Math.toIntExact(fromUnit);
        int to = Math.toIntExact(fromUnit + count);
        usedUnits -= bits.get(from, to).cardinality();
        bits.clear(from, to);
    }

    /** Sets units {@code [fromUnit, fromUnit+count)}, which must be free. */
    void take(long fromUnit, long count) {
        bits.set(Math.toIntExact(fromUnit), Math.toIntExact(fromUnit + count));
        usedUnits += count;
    }

    /**
     * Returns the first unit of the first run of {@code count} free units that starts at or after
     * {@code fromUnit} and ends at or before {@code limitUnit}, or -1.
     */
    public long findFree(long fromUnit, long limitUnit, long count) {
        int limit = (int) Math.min(units, limitUnit);
        int pos = (int) Math.max(0, fromUnit);
        while (pos < limit) {
            int start = bits.nextClearBit(pos);
            if (start >= limit || (long) start + count > limit) {
                return -1;
            }
            int nextUsed = bits.nextSetBit(start);
            int end = nextUsed < 0 || nextUsed > limit ? limit : nextUsed;
            if (end - start >= count) {
                return start;
            }
            pos = end;
        }
        return -1;
    }

    /** Returns the longest run of free units in the device. */
    public long largestFreeRun() {
        long best = 0;
        int pos = 0;
        while (pos < units) {
            int start = bits.nextClearBit(pos);
            if (start >= units) {
                break;
            }
            int nextUsed = bits.nextSetBit(start);
            int end = nextUsed < 0 ? (int) units : nextUsed;
            best = Math.max(best, end - start);
            pos = end;
        }
        return best;
    }

    /** Returns the number of used units, reserved region included. */
    public long usedUnits() {
        return usedUnits;
    }

    /** Returns the bytes in used units outside the reserved region (what files occupy). */
    public long allocatedBytes() {
        return (usedUnits - blockedUnits) * geometry.allocUnit();
    }

    /** Returns the bytes in free units (whole units inside the device). */
    public long freeBytes() {
        return (units - usedUnits) * geometry.allocUnit();
    }

    /** Returns how many already-used units {@link #mark} met since construction. */
    public long collisions() {
        return collisions;
    }

    /** Returns the extents of a simple fmap or the strips of an interleaved one. */
    public static java.util.List<SimpleExtent> extents(Fmap fmap) {
        return switch (fmap) {
            case Fmap.Simple s -> s.extents();
            case Fmap.Interleaved i -> i.strips();
        };
    }
}
