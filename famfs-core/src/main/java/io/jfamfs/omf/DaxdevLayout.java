package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.bytes;
import static io.jfamfs.omf.OmfTypes.u64;
import static io.jfamfs.omf.OmfTypes.uuid;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_daxdev} (88 bytes), embedded in the superblock as {@code ts_daxdev}.
 * <pre>
 *  0 dd_size   size_t    device size: what the allocator uses
 *  8 dd_uuid   uuid_le   never written or read by the reference
 * 24 dd_daxdev char[64]  the path given to mkfs, strncpy'd (no NUL at 64 chars or more)
 * </pre>
 */
public final class DaxdevLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u64("dd_size"), uuid("dd_uuid"), bytes(OmfConstants.DEVNAME_LEN, "dd_daxdev")).withName("famfs_daxdev");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long SIZE_OFFSET = LAYOUT.byteOffset(groupElement("dd_size"));
    public static final long UUID_OFFSET = LAYOUT.byteOffset(groupElement("dd_uuid"));
    public static final long NAME_OFFSET = LAYOUT.byteOffset(groupElement("dd_daxdev"));

    private DaxdevLayout() {
    }
}
