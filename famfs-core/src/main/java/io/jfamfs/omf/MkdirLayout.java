package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.bytes;
import static io.jfamfs.omf.OmfTypes.u32;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_log_mkdir} (92 bytes, align 4), the MKDIR arm of the entry union; the rest of
 * the 520-byte union stays zero.
 * <pre>
 *  0 md_uid     uid_t
 *  4 md_gid     gid_t
 *  8 md_mode    mode_t
 * 12 md_relpath u8[80]
 * </pre>
 */
public final class MkdirLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u32("md_uid"), u32("md_gid"), u32("md_mode"), bytes(OmfConstants.MAX_PATHLEN, "md_relpath"))
            .withName("famfs_log_mkdir");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long UID_OFFSET = LAYOUT.byteOffset(groupElement("md_uid"));
    public static final long GID_OFFSET = LAYOUT.byteOffset(groupElement("md_gid"));
    public static final long MODE_OFFSET = LAYOUT.byteOffset(groupElement("md_mode"));
    public static final long RELPATH_OFFSET = LAYOUT.byteOffset(groupElement("md_relpath"));

    private MkdirLayout() {
    }
}
