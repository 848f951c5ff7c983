package io.jfamfs.omf;

/**
 * Every number of the famfs on-media format, in one place, named as in the reference headers
 * ({@code famfs_meta.h}, {@code famfs.h}). Struct sizes and field offsets are not here: they are derived
 * from the layout classes ({@link SuperblockLayout}, {@link LogHeaderLayout}, {@link LogEntryLayout}, ...).
 */
public final class OmfConstants {
    /** {@code FAMFS_SUPER_MAGIC}: {@code ts_magic} of a valid superblock. */
    public static final long SUPER_MAGIC = 0x87b282ffL;
    /** {@code FAMFS_CURRENT_VERSION}: {@code ts_version}; any other value reads as "no superblock". */
    public static final long CURRENT_VERSION = 48;
    /** {@code FAMFS_OMF_VER_MAJOR}. */
    public static final int OMF_VER_MAJOR = 2;
    /** {@code FAMFS_OMF_VER_MINOR}: 2 adds {@code FAMFS_LOG_ADD_DAXDEV}. */
    public static final int OMF_VER_MINOR = 2;
    /** {@code FAMFS_LOG_MAGIC}: {@code famfs_log_magic}. */
    public static final long LOG_MAGIC = 0x00000badcafef00dL;

    /** {@code FAMFS_SUPERBLOCK_SIZE}: the device region reserved for the superblock. */
    public static final long SUPERBLOCK_REGION_LENGTH = 2L << 20;
    /** {@code FAMFS_LOG_OFFSET}: the device offset of the log. */
    public static final long LOG_OFFSET = 2L << 20;
    /** {@code FAMFS_LOG_LEN}: the default log length (the CLI's {@code --loglen} default). */
    public static final long DEFAULT_LOG_LENGTH = 8L << 20;
    /** The smallest log the CLI's mkfs accepts (it must also be a power of two). */
    public static final long MIN_CLI_LOG_LENGTH = 8L << 20;
    /** {@code FAMFS_ALLOC_UNIT}: the allocation unit mkfs writes, 2 MiB. */
    public static final long ALLOC_UNIT = 2L << 20;
    /** The other alloc unit {@code famfs_check_super} accepts when reading (never written). */
    public static final long ALLOC_UNIT_4K = 4096;
    /** The smallest device {@code famfs_mkfs_allowed} lets the CLI format. */
    public static final long MIN_CLI_DEVICE_SIZE = 4L << 30;

    /** {@code FAMFS_MAX_PATHLEN}: the relpath field; at most 79 bytes plus a NUL are written. */
    public static final int MAX_PATHLEN = 80;
    /** {@code FAMFS_DEVNAME_LEN}: {@code dd_daxdev}, strncpy'd so not NUL-terminated at 64. */
    public static final int DEVNAME_LEN = 64;
    /** {@code FAMFS_MAX_SIMPLE_EXTENTS}: slots in {@code famfs_log_fmap.se[]}. */
    public static final int MAX_SIMPLE_EXTENTS = 16;
    /** {@code FAMFS_MAX_INTERLEAVED_EXTENTS}: slots in {@code famfs_log_fmap.ie[]}. */
    public static final int MAX_INTERLEAVED_EXTENTS = 1;
    /** {@code FAMFS_MAX_NSTRIPS}: slots in {@code famfs_interleaved_ext.ie_strips[]}. */
    public static final int MAX_STRIPS = 16;
    /** {@code FAMFS_MAX_NBUCKETS}: the most allocation buckets an interleaved file may use. */
    public static final int MAX_NBUCKETS = 64;
    /** The smallest bucket {@code famfs_validate_interleave_param} accepts. */
    public static final long MIN_BUCKET_SIZE = 1L << 30;
    /** {@code FAMFS_SUPERBLOCK_MAX_DAXDEVS}: daxdevs described by the superblock itself. */
    public static final int SUPERBLOCK_MAX_DAXDEVS = 1;

    /** {@code FAMFS_FM_ALL_HOSTS_RW}: the {@code fm_flags} every reference mkfile writes. */
    public static final int FM_ALL_HOSTS_RW = 2;

    /** {@code enum famfs_log_entry_type}: {@code FAMFS_LOG_FILE}. */
    public static final int LOG_FILE = 0;
    /** {@code FAMFS_LOG_MKDIR}. */
    public static final int LOG_MKDIR = 1;
    /** {@code FAMFS_LOG_DELETE}: defined, never written. */
    public static final int LOG_DELETE = 2;
    /** {@code FAMFS_LOG_ADD_DAXDEV} (omf 2.2). */
    public static final int LOG_ADD_DAXDEV = 3;
    /** {@code FAMFS_LOG_INVALID}. */
    public static final int LOG_INVALID = 4;

    /** {@code enum famfs_extent_type}: {@code SIMPLE_DAX_EXTENT}. */
    public static final int EXT_SIMPLE = 0;
    /** {@code INTERLEAVED_EXTENT}. */
    public static final int EXT_INTERLEAVE = 1;

    private OmfConstants() {
    }
}
