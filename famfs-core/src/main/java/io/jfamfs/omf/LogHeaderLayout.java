package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.u64;
import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * {@code struct famfs_log} header (48 bytes), at device offset {@code ts_log_offset}; entry {@code i}
 * follows at log offset {@code 48 + 544 * i}.
 * <pre>
 *  0 famfs_log_magic       u64   0xbadcafef00d
 *  8 famfs_log_len         u64
 * 16 famfs_log_last_index  u64   (len - 48) / 544 - 1
 * 24 famfs_log_crc         u64   crc32 of bytes [0,24)
 * 32 famfs_log_next_seqnum u64   not covered by any CRC
 * 40 famfs_log_next_index  u64   not covered by any CRC
 * </pre>
 */
public final class LogHeaderLayout {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            u64("famfs_log_magic"), u64("famfs_log_len"), u64("famfs_log_last_index"), u64("famfs_log_crc"),
            u64("famfs_log_next_seqnum"), u64("famfs_log_next_index")).withName("famfs_log");
    public static final long SIZE = LAYOUT.byteSize();
    public static final long MAGIC_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_magic"));
    public static final long LEN_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_len"));
    public static final long LAST_INDEX_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_last_index"));
    public static final long CRC_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_crc"));
    public static final long NEXT_SEQNUM_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_next_seqnum"));
    public static final long NEXT_INDEX_OFFSET = LAYOUT.byteOffset(groupElement("famfs_log_next_index"));
    /** {@code offsetof(struct famfs_log, entries)}. */
    public static final long ENTRIES_OFFSET = SIZE;

    private LogHeaderLayout() {
    }

    /** Returns the log offset of entry slot {@code index}. */
    public static long entryOffset(long index) {
        return ENTRIES_OFFSET + LogEntryLayout.SIZE * index;
    }

    /** Returns {@code famfs_log_last_index} for a log of {@code logLength} bytes, as mkfs computes it. */
    public static long lastIndexFor(long logLength) {
        return (logLength - ENTRIES_OFFSET) / LogEntryLayout.SIZE - 1;
    }
}
