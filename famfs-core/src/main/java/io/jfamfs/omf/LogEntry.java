package io.jfamfs.omf;

import java.util.UUID;

/** One decoded 544-byte {@code famfs_log_entry}. Only decoded entries whose CRC and seqnum matched exist. */
public sealed interface LogEntry
        permits LogEntry.FileEntry, LogEntry.MkdirEntry, LogEntry.AddDaxdevEntry, LogEntry.OtherEntry {

    /** The entry's sequence number; equal to its slot index in a valid log. */
    long seqnum();

    /**
     * {@code FAMFS_LOG_FILE}: {@code relpath} is the stored bytes up to the first NUL (at most 80),
     * decoded as UTF-8; {@code relpathBytes} is that raw byte count's content, kept for exact
     * re-encoding and for validation (80 bytes means no NUL was stored).
     */
    record FileEntry(long seqnum, long size, int flags, int uid, int gid, int mode, RelPathBytes relpath, Fmap fmap)
            implements LogEntry {
    }

    /** {@code FAMFS_LOG_MKDIR}. */
    record MkdirEntry(long seqnum, int uid, int gid, int mode, RelPathBytes relpath) implements LogEntry {
    }

    /** {@code FAMFS_LOG_ADD_DAXDEV} (omf 2.2): a further dax device of the file system. */
    record AddDaxdevEntry(long seqnum, long size, UUID uuid, int index) implements LogEntry {
    }

    /** DELETE (never written by the reference), INVALID or an unknown type: kept, never applied. */
    record OtherEntry(long seqnum, int type) implements LogEntry {
    }
}
