package io.jfamfs.omf;

import static io.jfamfs.omf.FmapLayout.*;
import static io.jfamfs.omf.OmfTypes.U32;
import static io.jfamfs.omf.OmfTypes.U64;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the 416-byte {@code famfs_log_fmap} of a FILE entry. Counts are checked against the
 * array sizes before any slot is read, so a corrupt count can never index past the fmap.
 */
final class FmapCodec {
    private FmapCodec() {
    }

    /** Decodes the fmap at {@code base} of {@code entry}, which lives in log slot {@code index}. */
    static Fmap decode(MemorySegment entry, long base, long index) throws OmfException {
        int extType = entry.get(U32, base + EXT_TYPE_OFFSET);
        long count = Integer.toUnsignedLong(entry.get(U32, base + NEXTENTS_OFFSET));
        return switch (extType) {
            case OmfConstants.EXT_SIMPLE -> {
                if (count > OmfConstants.MAX_SIMPLE_EXTENTS) {
                    throw new OmfException(OmfException.Reason.BAD_EXTENT_COUNT, index,
                            "too many extents: index=%d nextents=%d max=%d".formatted(index, count,
                                    OmfConstants.MAX_SIMPLE_EXTENTS));
                }
                yield new Fmap.Simple(extents(entry, base + SE_OFFSET, (int) count));
            }
            case OmfConstants.EXT_INTERLEAVE -> decodeInterleaved(entry, base, count, index);
            default -> throw new OmfException(OmfException.Reason.BAD_EXT_TYPE, index,
                    "bad fmap ext type: index=%d ext_type=%d".formatted(index, Integer.toUnsignedLong(extType)));
        };
    }

    private static Fmap decodeInterleaved(MemorySegment entry, long base, long niext, long index)
            throws OmfException {
        // The format has room for exactly one interleaved extent, and a file needs one to have bytes.
        if (niext != OmfConstants.MAX_INTERLEAVED_EXTENTS) {
            throw new OmfException(OmfException.Reason.BAD_EXTENT_COUNT, index,
                    "bad interleaved extent count: index=%d niext=%d expected=%d".formatted(index, niext,
                            OmfConstants.MAX_INTERLEAVED_EXTENTS));
        }
        long ie = base + IE_OFFSET;
        long nstrips = entry.get(U64, ie + InterleavedExtentLayout.NSTRIPS_OFFSET);
        if (Long.compareUnsigned(nstrips, OmfConstants.MAX_STRIPS) > 0) {
            throw new OmfException(OmfException.Reason.BAD_EXTENT_COUNT, index,
                    "too many strips: index=%d nstrips=%s max=%d".formatted(index, Long.toUnsignedString(nstrips),
                            OmfConstants.MAX_STRIPS));
        }
        long chunk = entry.get(U64, ie + InterleavedExtentLayout.CHUNK_SIZE_OFFSET);
        return new Fmap.Interleaved(nstrips, chunk,
                extents(entry, ie + InterleavedExtentLayout.STRIPS_OFFSET, (int) nstrips));
    }

    private static List<SimpleExtent> extents(MemorySegment entry, long first, int count) {
        List<SimpleExtent> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = first + i * SimpleExtentLayout.SIZE;
            list.add(new SimpleExtent(entry.get(U64, at + SimpleExtentLayout.DEVINDEX_OFFSET),
                    entry.get(U64, at + SimpleExtentLayout.OFFSET_OFFSET),
                    entry.get(U64, at + SimpleExtentLayout.LEN_OFFSET)));
        }
        return list;
    }

    /** Throws {@link IllegalArgumentException} when the format cannot hold {@code fmap}. */
    static void requireEncodable(Fmap fmap) {
        switch (fmap) {
            case Fmap.Simple s -> requireAtMost(s.extents().size(), OmfConstants.MAX_SIMPLE_EXTENTS, "extents");
            case Fmap.Interleaved i -> {
                requireAtMost(i.strips().size(), OmfConstants.MAX_STRIPS, "strips");
                if (i.nstrips() != i.strips().size()) {
                    throw new IllegalArgumentException("nstrips=%d but %d strips".formatted(i.nstrips(),
                            i.strips().size()));
                }
            }
        }
    }

    /** Writes {@code fmap} at {@code base}; the caller has zeroed the fmap, so unused slots stay zero. */
    static void encode(MemorySegment entry, long base, Fmap fmap) {
        requireEncodable(fmap);
        switch (fmap) {
            case Fmap.Simple s -> {
                entry.set(U32, base + EXT_TYPE_OFFSET, OmfConstants.EXT_SIMPLE);
                entry.set(U32, base + NEXTENTS_OFFSET, s.extents().size());
                putExtents(entry, base + SE_OFFSET, s.extents());
            }
            case Fmap.Interleaved i -> {
                long ie = base + IE_OFFSET;
                entry.set(U32, base + EXT_TYPE_OFFSET, OmfConstants.EXT_INTERLEAVE);
                entry.set(U32, base + NIEXT_OFFSET, OmfConstants.MAX_INTERLEAVED_EXTENTS);
                entry.set(U64, ie + InterleavedExtentLayout.NSTRIPS_OFFSET, i.nstrips());
                entry.set(U64, ie + InterleavedExtentLayout.CHUNK_SIZE_OFFSET, i.chunkSize());
                putExtents(entry, ie + InterleavedExtentLayout.STRIPS_OFFSET, i.strips());
            }
        }
    }

    private static void requireAtMost(int count, int max, String what) {
        if (count > max) {
            throw new IllegalArgumentException("too many %s: %d max=%d".formatted(what, count, max));
        }
    }

    private static void putExtents(MemorySegment entry, long first, List<SimpleExtent> extents) {
        for (int i = 0; i < extents.size(); i++) {
            SimpleExtent e = extents.get(i);
            long at = first + i * SimpleExtentLayout.SIZE;
            entry.set(U64, at + SimpleExtentLayout.DEVINDEX_OFFSET, e.devIndex());
            entry.set(U64, at + SimpleExtentLayout.OFFSET_OFFSET, e.offset());
            entry.set(U64, at + SimpleExtentLayout.LEN_OFFSET, e.length());
        }
    }
}
