package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.bytes;
import static io.jfamfs.omf.OmfTypes.u32;
import static io.jfamfs.omf.OmfTypes.u64;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_log_file_meta} (520 bytes), the FILE arm of the entry union.
 * <pre>
 *   0 fm_size    u64        logical file size
 *   8 fm_flags   u32        always 2 (FAMFS_FM_ALL_HOSTS_RW) from mkfile
 *  12 fm_uid     uid_t
 *  16 fm_gid     gid_t
 *  20 fm_mode    mode_t
 *  24 fm_relpath char[80]
 * 104 fm_fmap    famfs_log_fmap (416)
 * </pre>
 */
public final class FileMetaLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u64("fm_size"), u32("fm_flags"), u32("fm_uid"), u32("fm_gid"), u32("fm_mode"),
            bytes(OmfConstants.MAX_PATHLEN, "fm_relpath"), FmapLayout.LAYOUT.withName("fm_fmap"))
            .withName("famfs_log_file_meta");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long SIZE_OFFSET = LAYOUT.byteOffset(groupElement("fm_size"));
    public static final long FLAGS_OFFSET = LAYOUT.byteOffset(groupElement("fm_flags"));
    public static final long UID_OFFSET = LAYOUT.byteOffset(groupElement("fm_uid"));
    public static final long GID_OFFSET = LAYOUT.byteOffset(groupElement("fm_gid"));
    public static final long MODE_OFFSET = LAYOUT.byteOffset(groupElement("fm_mode"));
    public static final long RELPATH_OFFSET = LAYOUT.byteOffset(groupElement("fm_relpath"));
    public static final long FMAP_OFFSET = LAYOUT.byteOffset(groupElement("fm_fmap"));

    private FileMetaLayout() {
    }
}
