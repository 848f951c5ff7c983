package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.pad;
import static io.jfamfs.omf.OmfTypes.u32;
import static io.jfamfs.omf.OmfTypes.u64;
import static io.jfamfs.omf.OmfTypes.uuid;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_superblock} (200 bytes) at device offset 0, with its {@code struct famfs_daxdev}.
 * <pre>
 *   0 ts_magic         u64      0x87b282ff
 *   8 ts_version       u64      48
 *  16 ts_log_offset    u64      0x200000
 *  24 ts_log_len       u64
 *  32 ts_alloc_unit    u64      0x200000
 *  40 ts_omf_ver_major u32      2
 *  44 ts_omf_ver_minor u32      2
 *  48 ts_uuid          uuid_le  file system
 *  64 ts_dev_uuid      uuid_le  device
 *  80 ts_system_uuid   uuid_le  the master host
 *  96 ts_crc           u64      crc32 of [0,96), upper half 0
 * 104 ts_sb_flags      u32      not covered by the CRC, never written by the reference mkfs
 * 108 (padding)
 * 112 ts_daxdev        famfs_daxdev (88): dd_size u64 @112, dd_uuid @120, dd_daxdev char[64] @136
 * </pre>
 */
public final class SuperblockLayout {
    /** {@code struct famfs_daxdev} (88 bytes); see {@link DaxdevLayout}. */
    public static final StructLayout DAXDEV_LAYOUT = DaxdevLayout.LAYOUT;

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u64("ts_magic"), u64("ts_version"), u64("ts_log_offset"), u64("ts_log_len"), u64("ts_alloc_unit"),
            u32("ts_omf_ver_major"), u32("ts_omf_ver_minor"),
            uuid("ts_uuid"), uuid("ts_dev_uuid"), uuid("ts_system_uuid"),
            u64("ts_crc"), u32("ts_sb_flags"), pad(4),
            DAXDEV_LAYOUT.withName("ts_daxdev")).withName("famfs_superblock");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long MAGIC_OFFSET = offset("ts_magic");
    public static final long VERSION_OFFSET = offset("ts_version");
    public static final long LOG_OFFSET_OFFSET = offset("ts_log_offset");
    public static final long LOG_LEN_OFFSET = offset("ts_log_len");
    public static final long ALLOC_UNIT_OFFSET = offset("ts_alloc_unit");
    public static final long OMF_VER_MAJOR_OFFSET = offset("ts_omf_ver_major");
    public static final long OMF_VER_MINOR_OFFSET = offset("ts_omf_ver_minor");
    public static final long UUID_OFFSET = offset("ts_uuid");
    public static final long DEV_UUID_OFFSET = offset("ts_dev_uuid");
    public static final long SYSTEM_UUID_OFFSET = offset("ts_system_uuid");
    /** Also the length the CRC covers: everything before it. */
    public static final long CRC_OFFSET = offset("ts_crc");
    public static final long SB_FLAGS_OFFSET = offset("ts_sb_flags");
    public static final long DAXDEV_OFFSET = offset("ts_daxdev");
    public static final long DAXDEV_SIZE_OFFSET = LAYOUT.byteOffset(groupElement("ts_daxdev"), groupElement("dd_size"));
    public static final long DAXDEV_UUID_OFFSET = LAYOUT.byteOffset(groupElement("ts_daxdev"), groupElement("dd_uuid"));
    public static final long DAXDEV_NAME_OFFSET = LAYOUT.byteOffset(groupElement("ts_daxdev"), groupElement("dd_daxdev"));

    private SuperblockLayout() {
    }

    private static long offset(String field) {
        return LAYOUT.byteOffset(groupElement(field));
    }
}
