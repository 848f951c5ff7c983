package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.pad;
import static io.jfamfs.omf.OmfTypes.u32;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_log_fmap} (416 bytes): two unions, the count and the extent array.
 * <pre>
 *  0 fmap_ext_type            u32   SIMPLE=0, INTERLEAVE=1
 *  4 (padding)
 *  8 fmap_nextents|fmap_niext u32   one slot, two names
 * 12 (padding)
 * 16 se[16]                   famfs_simple_extent[16]    (384)  when SIMPLE
 * 16 ie[1]                    famfs_interleaved_ext[1]   (400)  when INTERLEAVE
 * </pre>
 * {@code ie[0].ie_nstrips} shares bytes with {@code se[0].se_devindex} and {@code ie_chunk_size} with
 * {@code se[0].se_offset}; the reference's logplay reads the latter through the former (B7).
 */
public final class FmapLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u32("fmap_ext_type"), pad(4),
            MemoryLayout.unionLayout(u32("fmap_nextents"), u32("fmap_niext")).withName("count"),
            pad(4),
            MemoryLayout.unionLayout(
                    MemoryLayout.sequenceLayout(OmfConstants.MAX_SIMPLE_EXTENTS, SimpleExtentLayout.LAYOUT)
                            .withName("se"),
                    MemoryLayout.sequenceLayout(OmfConstants.MAX_INTERLEAVED_EXTENTS, InterleavedExtentLayout.LAYOUT)
                            .withName("ie"))
                    .withName("extents"))
            .withName("famfs_log_fmap");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long EXT_TYPE_OFFSET = LAYOUT.byteOffset(groupElement("fmap_ext_type"));
    public static final long NEXTENTS_OFFSET = LAYOUT.byteOffset(groupElement("count"), groupElement("fmap_nextents"));
    public static final long NIEXT_OFFSET = LAYOUT.byteOffset(groupElement("count"), groupElement("fmap_niext"));
    public static final long SE_OFFSET = LAYOUT.byteOffset(groupElement("extents"), groupElement("se"));
    public static final long IE_OFFSET = LAYOUT.byteOffset(groupElement("extents"), groupElement("ie"));

    private FmapLayout() {
    }
}
