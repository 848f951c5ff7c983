package io.jfamfs.omf;

import java.io.IOException;

/**
 * Bytes on the device that do not form a valid famfs structure. Carries a machine-readable
 * {@link Reason} and, for log entries, the slot index; the message is the precise key=value text for
 * people ({@code "bad crc: index=3 stored=0x1 computed=0x2"}). An I/O exception because corrupt media
 * is an I/O error to every caller above the codecs (FUSE answers EIO).
 */
public final class OmfException extends IOException {
    /** What is wrong, in the order the checks run. */
    public enum Reason {
        /** Superblock {@code ts_magic} is not {@code FAMFS_SUPER_MAGIC}: no famfs here. */
        NO_SUPERBLOCK,
        /** Superblock version is not 48 (the reference treats this as "no superblock" too). */
        WRONG_VERSION,
        /** A stored CRC differs from the one computed over the covered bytes. */
        BAD_CRC,
        /** Superblock alloc unit is neither 2 MiB nor 4096. */
        BAD_ALLOC_UNIT,
        /** Superblock log offset or length cannot describe a log inside the device. */
        BAD_GEOMETRY,
        /** Log header magic is not {@code FAMFS_LOG_MAGIC}. */
        BAD_LOG_MAGIC,
        /** Log header counters are inconsistent with its length. */
        BAD_LOG_HEADER,
        /** An entry's seqnum is not its slot index. */
        BAD_SEQNUM,
        /** An entry's fmap type is neither SIMPLE nor INTERLEAVE. */
        BAD_EXT_TYPE,
        /** An entry's extent, iext or strip count exceeds the slots the format has. */
        BAD_EXTENT_COUNT
    }

    private final Reason reason;
    private final long index;

    /** Builds an exception about a structure that is not a log entry ({@link #index()} is -1). */
    public OmfException(Reason reason, String message) {
        this(reason, -1, message);
    }

    /** Builds an exception about log entry slot {@code index}. */
    public OmfException(Reason reason, long index, String message) {
        super(message);
        this.reason = reason;
        this.index = index;
    }

    public Reason reason() {
        return reason;
    }

    /** Returns the log slot the problem is in, or -1 when it is not about an entry. */
    public long index() {
        return index;
    }
}
