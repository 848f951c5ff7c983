package io.jfamfs.omf;

import java.util.List;

/** A file's map of device memory ({@code famfs_log_fmap}): simple extents or one interleaved extent. */
public sealed interface Fmap permits Fmap.Simple, Fmap.Interleaved {

    /** {@code FAMFS_EXT_SIMPLE}: up to 16 extents laid end to end make the file. */
    record Simple(List<SimpleExtent> extents) implements Fmap {
        public Simple {
            extents = List.copyOf(extents);
        }
    }

    /**
     * {@code FAMFS_EXT_INTERLEAVE} with one {@code famfs_interleaved_ext}: the file is striped over
     * {@code strips} in {@code chunkSize} chunks, round-robin (chunk k lives in strip k % nstrips at
     * strip offset (k / nstrips) * chunkSize). {@code nstrips} is as recorded; it may differ from
     * {@code strips.size()} in a corrupt entry, which validation reports.
     */
    record Interleaved(long nstrips, long chunkSize, List<SimpleExtent> strips) implements Fmap {
        public Interleaved {
            strips = List.copyOf(strips);
        }
    }
}
