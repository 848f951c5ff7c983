package io.jfamfs.log;

import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.Superblock;
import java.util.List;

/**
 * What {@code famfs fsck} knows about a device: a model for the CLI to render as text or JSON.
 *
 * @param superblock      the decoded superblock
 * @param logHeader       the decoded log header
 * @param entries         every slot in {@code [0, next_index)}
 * @param files           files in the (strict) namespace
 * @param directories     directories in the namespace, root excluded
 * @param allocatedBytes  bytes in allocation units used by the namespace's files
 * @param freeBytes       bytes in free allocation units
 * @param errors          bad entries, rejected entries, header problems
 * @param badEntries      slots whose CRC or seqnum is wrong (fsck goes past them, as the reference's)
 * @param collisions      allocation units claimed twice by CRC-valid FILE entries, counted as the
 *                        reference's {@code famfs_build_bitmap} does; the reference fsck's exit status
 * @param replayStopIndex the first bad slot, where a logplay stops, or -1 when none
 */
public record FsckReport(Superblock superblock, LogHeader logHeader, List<FsckEntry> entries, long files,
        long directories, long allocatedBytes, long freeBytes, List<Problem> errors, long badEntries,
        long collisions, long replayStopIndex) {

    public FsckReport {
        entries = List.copyOf(entries);
        errors = List.copyOf(errors);
    }

    /** Returns whether nothing at all is wrong. */
    public boolean clean() {
        return errors.isEmpty() && collisions == 0;
    }
}
