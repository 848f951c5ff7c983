package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.u64;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_interleaved_ext} (400 bytes).
 * <pre>
 *  0 ie_nstrips    u64
 *  8 ie_chunk_size u64
 * 16 ie_strips     famfs_simple_extent[16]
 * </pre>
 */
public final class InterleavedExtentLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u64("ie_nstrips"), u64("ie_chunk_size"),
            MemoryLayout.sequenceLayout(OmfConstants.MAX_STRIPS, SimpleExtentLayout.LAYOUT).withName("ie_strips"))
            .withName("famfs_interleaved_ext");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long NSTRIPS_OFFSET = LAYOUT.byteOffset(groupElement("ie_nstrips"));
    public static final long CHUNK_SIZE_OFFSET = LAYOUT.byteOffset(groupElement("ie_chunk_size"));
    public static final long STRIPS_OFFSET = LAYOUT.byteOffset(groupElement("ie_strips"));

    private InterleavedExtentLayout() {
    }
}
