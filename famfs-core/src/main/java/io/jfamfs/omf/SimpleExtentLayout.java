package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.u64;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_simple_extent} (24 bytes).
 * <pre>
 *  0 se_devindex u64   (always 0 today)
 *  8 se_offset   u64   device byte offset
 * 16 se_len      u64   bytes, a multiple of the alloc unit
 * </pre>
 */
public final class SimpleExtentLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u64("se_devindex"), u64("se_offset"), u64("se_len")).withName("famfs_simple_extent");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long DEVINDEX_OFFSET = LAYOUT.byteOffset(groupElement("se_devindex"));
    public static final long OFFSET_OFFSET = LAYOUT.byteOffset(groupElement("se_offset"));
    public static final long LEN_OFFSET = LAYOUT.byteOffset(groupElement("se_len"));

    private SimpleExtentLayout() {
    }
}
