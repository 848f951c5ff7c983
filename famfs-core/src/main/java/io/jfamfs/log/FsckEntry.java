package io.jfamfs.log;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.LogEntry;

/**
 * One log slot as fsck shows it. Fields that the entry's type does not have are 0 / null.
 *
 * @param type     FILE, MKDIR, ADD_DAXDEV, OTHER (DELETE, INVALID or unknown) or BAD (CRC/seqnum)
 * @param rawType  {@code famfs_log_entry_type} as stored (-1 for a BAD slot)
 * @param fmap     the extents or interleave of a FILE entry, else null
 * @param valid    whether the entry entered the namespace (OTHER entries are valid but make nothing)
 * @param problem  why not, or null
 * @param entry    the decoded entry (null for a BAD slot), for details such as ADD_DAXDEV's uuid and index
 */
public record FsckEntry(long index, long seqnum, Type type, int rawType, String relpath, long size, int mode, int uid,
        int gid, Fmap fmap, boolean valid, String problem, LogEntry entry) {

    /** The kinds of slot fsck distinguishes. */
    public enum Type { FILE, MKDIR, ADD_DAXDEV, OTHER, BAD }
}
