package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.pad;
import static io.jfamfs.omf.OmfTypes.u32;
import static io.jfamfs.omf.OmfTypes.u64;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_log_entry} (544 bytes).
 * <pre>
 *   0 famfs_log_entry_seqnum u64     must equal the slot index
 *   8 famfs_log_entry_type   u32     FILE=0 MKDIR=1 DELETE=2 ADD_DAXDEV=3 INVALID=4
 *  12 (padding, covered by the CRC)
 *  16 union { famfs_fm (520); famfs_md (92); famfs_dd (32) }
 * 536 famfs_log_entry_crc    u64     crc32 of bytes [0,536)
 * </pre>
 * Offsets of union members are entry offsets (union offset + member offset).
 */
public final class LogEntryLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u64("famfs_log_entry_seqnum"), u32("famfs_log_entry_type"), pad(4),
            MemoryLayout.unionLayout(FileMetaLayout.LAYOUT.withName("famfs_fm"),
                    MkdirLayout.LAYOUT.withName("famfs_md"),
                    AddDaxdevLayout.LAYOUT.withName("famfs_dd")).withName("u"),
            u64("famfs_log_entry_crc")).withName("famfs_log_entry");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long SEQNUM_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_entry_seqnum"));
    public static final long TYPE_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_entry_type"));
    public static final long UNION_OFFSET = LAYOUT.byteOffset(groupElement("u"));
    public static final long UNION_LENGTH = LAYOUT.select(groupElement("u")).byteSize();
    public static final long CRC_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_entry_crc"));
    /** The start of {@code famfs_fm} (== {@link #UNION_OFFSET}); add {@link FileMetaLayout} offsets. */
    public static final long FILE_META_OFFSET = LAYOUT.byteOffset(groupElement("u"), groupElement("famfs_fm"));
    /** The start of {@code famfs_md}; add {@link MkdirLayout} offsets. */
    public static final long MKDIR_OFFSET = LAYOUT.byteOffset(groupElement("u"), groupElement("famfs_md"));
    /** The start of {@code famfs_dd}; add {@link AddDaxdevLayout} offsets. */
    public static final long ADD_DAXDEV_OFFSET = LAYOUT.byteOffset(groupElement("u"), groupElement("famfs_dd"));
    /** The start of {@code famfs_fm.fm_fmap}; add {@link FmapLayout} offsets. */
    public static final long FMAP_OFFSET = FILE_META_OFFSET + FileMetaLayout.FMAP_OFFSET;

    private LogEntryLayout() {
    }
}
