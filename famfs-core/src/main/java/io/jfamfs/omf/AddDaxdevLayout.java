package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.pad;
import static io.jfamfs.omf.OmfTypes.u32;
import static io.jfamfs.omf.OmfTypes.u64;
import static io.jfamfs.omf.OmfTypes.uuid;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_log_add_daxdev} (32 bytes), the ADD_DAXDEV arm of the entry union (omf 2.2).
 * <pre>
 *  0 dd_size  u64
 *  8 dd_uuid  uuid_le
 * 24 dd_index u32
 * 28 (padding)
 * </pre>
 */
public final class AddDaxdevLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u64("dd_size"), uuid("dd_uuid"), u32("dd_index"), pad(4)).withName("famfs_log_add_daxdev");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long SIZE_OFFSET = LAYOUT.byteOffset(groupElement("dd_size"));
    public static final long UUID_OFFSET = LAYOUT.byteOffset(groupElement("dd_uuid"));
    public static final long INDEX_OFFSET = LAYOUT.byteOffset(groupElement("dd_index"));

    private AddDaxdevLayout() {
    }
}
