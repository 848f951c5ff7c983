package io.jfamfs.omf;

import static io.jfamfs.omf.LogHeaderLayout.*;
import static io.jfamfs.omf.OmfTypes.U64;

import java.lang.foreign.MemorySegment;

/**
 * A flyweight over the 48-byte {@code famfs_log} header (the segment may be the whole log). The
 * counters {@code next_seqnum}/{@code next_index} are read and written in place because the log
 * appender bumps them after each entry; they are not covered by the header CRC.
 */
public record LogHeaderView(MemorySegment segment) {
    public LogHeaderView {
        if (segment.byteSize() < SIZE) {
            throw new IllegalArgumentException("segment too small for a log header: " + segment.byteSize());
        }
    }

    public long magic() {
        return segment.get(U64, MAGIC_OFFSET);
    }

    public long length() {
        return segment.get(U64, LEN_OFFSET);
    }

    public long lastIndex() {
        return segment.get(U64, LAST_INDEX_OFFSET);
    }

    public long storedCrc() {
        return segment.get(U64, CRC_OFFSET);
    }

    /** Returns the CRC of bytes [0,24): magic, len and last_index. */
    public long computedCrc() {
        return OmfTypes.crc32(segment, 0, CRC_OFFSET);
    }

    public boolean crcOk() {
        return storedCrc() == computedCrc();
    }

    public long nextSeqnum() {
        return segment.get(U64, NEXT_SEQNUM_OFFSET);
    }

    public long nextIndex() {
        return segment.get(U64, NEXT_INDEX_OFFSET);
    }

    public void setNextSeqnum(long seqnum) {
        segment.set(U64, NEXT_SEQNUM_OFFSET, seqnum);
    }

    public void setNextIndex(long index) {
        segment.set(U64, NEXT_INDEX_OFFSET, index);
    }

    /** Copies every field into a record; never throws. */
    public LogHeader decode() {
        return new LogHeader(magic(), length(), lastIndex(), storedCrc(), nextSeqnum(), nextIndex(), crcOk());
    }

    /**
     * Checks the header as {@code famfs_validate_log_header} (magic, CRC), then, stricter, that
     * {@code last_index} matches the length and that the counters stay inside the log, so an entry
     * index read from here is safe to use. The caller checks {@code length()} against the superblock.
     */
    public LogHeader validate() throws OmfException {
        if (magic() != OmfConstants.LOG_MAGIC) {
            throw new OmfException(OmfException.Reason.BAD_LOG_MAGIC,
                    "bad log magic: magic=0x%x expected=0x%x".formatted(magic(), OmfConstants.LOG_MAGIC));
        }
        if (!crcOk()) {
            throw new OmfException(OmfException.Reason.BAD_CRC,
                    "bad log header crc: stored=0x%x computed=0x%x".formatted(storedCrc(), computedCrc()));
        }
        long len = length();
        if (len < ENTRIES_OFFSET + LogEntryLayout.SIZE || lastIndex() != lastIndexFor(len)) {
            throw new OmfException(OmfException.Reason.BAD_LOG_HEADER,
                    "bad log header: len=%d last_index=%d expected_last_index=%d".formatted(len, lastIndex(),
                            len < ENTRIES_OFFSET ? -1 : lastIndexFor(len)));
        }
        if (Long.compareUnsigned(nextIndex(), lastIndex() + 1) > 0 || nextSeqnum() != nextIndex()) {
            throw new OmfException(OmfException.Reason.BAD_LOG_HEADER,
                    "bad log counters: next_index=%d next_seqnum=%d last_index=%d".formatted(nextIndex(),
                            nextSeqnum(), lastIndex()));
        }
        return decode();
    }

    /**
     * Writes every field of {@code h} except {@code crc}/{@code crcOk}, then a freshly computed CRC.
     * For tests and repair tools; appends only move the counters ({@link #setNextIndex}).
     */
    public void encode(LogHeader h) {
        segment.set(U64, MAGIC_OFFSET, h.magic());
        segment.set(U64, LEN_OFFSET, h.length());
        segment.set(U64, LAST_INDEX_OFFSET, h.lastIndex());
        setNextSeqnum(h.nextSeqnum());
        setNextIndex(h.nextIndex());
        segment.set(U64, CRC_OFFSET, computedCrc());
    }

    /**
     * Writes the header of an empty log of {@code logLength} bytes as mkfs does: magic, len, next
     * counters 0, last_index, and the CRC last. The entries are not touched (mkfs zeroes them first).
     */
    public void writeEmpty(long logLength) {
        if (logLength < ENTRIES_OFFSET + LogEntryLayout.SIZE) {
            throw new IllegalArgumentException("log too small for one entry: " + logLength);
        }
        segment.set(U64, MAGIC_OFFSET, OmfConstants.LOG_MAGIC);
        segment.set(U64, LEN_OFFSET, logLength);
        setNextSeqnum(0);
        setNextIndex(0);
        segment.set(U64, LAST_INDEX_OFFSET, lastIndexFor(logLength));
        segment.set(U64, CRC_OFFSET, computedCrc());
    }
}
