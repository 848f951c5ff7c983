package io.jfamfs.omf;

import static io.jfamfs.omf.LogEntryLayout.*;
import static io.jfamfs.omf.OmfTypes.U32;
import static io.jfamfs.omf.OmfTypes.U64;

import java.lang.foreign.MemorySegment;

/**
 * A flyweight over one 544-byte {@code famfs_log_entry} slot: raw field reads, validating decode into
 * a {@link LogEntry}, and encode from one. Decode checks the CRC first (nothing else in an entry means
 * anything until it matches), then {@code seqnum == index}, then the type's own counts.
 */
public record LogEntryView(MemorySegment segment) {
    public LogEntryView {
        if (segment.byteSize() < SIZE) {
            throw new IllegalArgumentException("segment too small for a log entry: " + segment.byteSize());
        }
    }

    /** Returns the view of entry slot {@code index} of {@code log} (a segment starting at the log header). */
    public static LogEntryView at(MemorySegment log, long index) {
        return new LogEntryView(log.asSlice(LogHeaderLayout.entryOffset(index), SIZE));
    }

    public long seqnum() {
        return segment.get(U64, SEQNUM_OFFSET);
    }

    /** Returns {@code famfs_log_entry_type} (see {@code OmfConstants.LOG_*}). */
    public int type() {
        return segment.get(U32, TYPE_OFFSET);
    }

    public long storedCrc() {
        return segment.get(U64, CRC_OFFSET);
    }

    /** Returns the CRC of bytes [0,536), padding and the unused union tail included. */
    public long computedCrc() {
        return OmfTypes.crc32(segment, 0, CRC_OFFSET);
    }

    public boolean crcOk() {
        return storedCrc() == computedCrc();
    }

    /**
     * Decodes the entry in slot {@code index}, as {@code famfs_validate_log_entry} plus count checks.
     * Throws {@link OmfException} (never an unchecked exception) for any bytes that do not form an entry.
     */
    public LogEntry decode(long index) throws OmfException {
        long stored = storedCrc();
        long computed = computedCrc();
        if (stored != computed) {
            throw new OmfException(OmfException.Reason.BAD_CRC, index,
                    "bad crc: index=%d stored=0x%x computed=0x%x".formatted(index, stored, computed));
        }
        long seqnum = seqnum();
        if (seqnum != index) {
            throw new OmfException(OmfException.Reason.BAD_SEQNUM, index,
                    "bad seqnum: index=%d seqnum=%d".formatted(index, seqnum));
        }
        return switch (type()) {
            case OmfConstants.LOG_FILE -> decodeFile(seqnum, index);
            case OmfConstants.LOG_MKDIR -> new LogEntry.MkdirEntry(seqnum,
                    segment.get(U32, MKDIR_OFFSET + MkdirLayout.UID_OFFSET),
                    segment.get(U32, MKDIR_OFFSET + MkdirLayout.GID_OFFSET),
                    segment.get(U32, MKDIR_OFFSET + MkdirLayout.MODE_OFFSET),
                    relpath(MKDIR_OFFSET + MkdirLayout.RELPATH_OFFSET));
            case OmfConstants.LOG_ADD_DAXDEV -> new LogEntry.AddDaxdevEntry(seqnum,
                    segment.get(U64, ADD_DAXDEV_OFFSET + AddDaxdevLayout.SIZE_OFFSET),
                    OmfTypes.getUuid(segment, ADD_DAXDEV_OFFSET + AddDaxdevLayout.UUID_OFFSET),
                    segment.get(U32, ADD_DAXDEV_OFFSET + AddDaxdevLayout.INDEX_OFFSET));
            default -> new LogEntry.OtherEntry(seqnum, type());
        };
    }

    private LogEntry decodeFile(long seqnum, long index) throws OmfException {
        long fm = FILE_META_OFFSET;
        return new LogEntry.FileEntry(seqnum,
                segment.get(U64, fm + FileMetaLayout.SIZE_OFFSET),
                segment.get(U32, fm + FileMetaLayout.FLAGS_OFFSET),
                segment.get(U32, fm + FileMetaLayout.UID_OFFSET),
                segment.get(U32, fm + FileMetaLayout.GID_OFFSET),
                segment.get(U32, fm + FileMetaLayout.MODE_OFFSET),
                relpath(fm + FileMetaLayout.RELPATH_OFFSET),
                FmapCodec.decode(segment, FMAP_OFFSET, index));
    }

    /** Reads a relpath as the reference's {@code strlen} would, but never past the 80-byte field. */
    private RelPathBytes relpath(long offset) {
        return RelPathBytes.of(OmfTypes.cString(segment, offset, OmfConstants.MAX_PATHLEN));
    }

    /**
     * Writes {@code entry} as the reference builds one from {@code struct famfs_log_entry le = {0}}:
     * all 544 bytes zeroed, then the fields, then the CRC of [0,536). Throws
     * {@link IllegalArgumentException} for a record the format cannot hold (more than 16 extents or
     * strips, or {@code nstrips != strips.size()}); nothing is written then.
     */
    public void encode(LogEntry entry) {
        if (entry instanceof LogEntry.FileEntry f) {
            FmapCodec.requireEncodable(f.fmap()); // before the slot is zeroed, so a refusal writes nothing
        }
        segment.asSlice(0, SIZE).fill((byte) 0);
        segment.set(U64, SEQNUM_OFFSET, entry.seqnum());
        switch (entry) {
            case LogEntry.FileEntry f -> {
                segment.set(U32, TYPE_OFFSET, OmfConstants.LOG_FILE);
                long fm = FILE_META_OFFSET;
                segment.set(U64, fm + FileMetaLayout.SIZE_OFFSET, f.size());
                segment.set(U32, fm + FileMetaLayout.FLAGS_OFFSET, f.flags());
                segment.set(U32, fm + FileMetaLayout.UID_OFFSET, f.uid());
                segment.set(U32, fm + FileMetaLayout.GID_OFFSET, f.gid());
                segment.set(U32, fm + FileMetaLayout.MODE_OFFSET, f.mode());
                putRelpath(fm + FileMetaLayout.RELPATH_OFFSET, f.relpath());
                FmapCodec.encode(segment, FMAP_OFFSET, f.fmap());
            }
            case LogEntry.MkdirEntry d -> {
                segment.set(U32, TYPE_OFFSET, OmfConstants.LOG_MKDIR);
                segment.set(U32, MKDIR_OFFSET + MkdirLayout.UID_OFFSET, d.uid());
                segment.set(U32, MKDIR_OFFSET + MkdirLayout.GID_OFFSET, d.gid());
                segment.set(U32, MKDIR_OFFSET + MkdirLayout.MODE_OFFSET, d.mode());
                putRelpath(MKDIR_OFFSET + MkdirLayout.RELPATH_OFFSET, d.relpath());
            }
            case LogEntry.AddDaxdevEntry a -> {
                segment.set(U32, TYPE_OFFSET, OmfConstants.LOG_ADD_DAXDEV);
                segment.set(U64, ADD_DAXDEV_OFFSET + AddDaxdevLayout.SIZE_OFFSET, a.size());
                OmfTypes.putUuid(segment, ADD_DAXDEV_OFFSET + AddDaxdevLayout.UUID_OFFSET, a.uuid());
                segment.set(U32, ADD_DAXDEV_OFFSET + AddDaxdevLayout.INDEX_OFFSET, a.index());
            }
            case LogEntry.OtherEntry o -> segment.set(U32, TYPE_OFFSET, o.type());
        }
        segment.set(U64, CRC_OFFSET, computedCrc());
    }

    private void putRelpath(long offset, RelPathBytes relpath) {
        OmfTypes.putStrncpy(segment, offset, OmfConstants.MAX_PATHLEN, relpath.toByteArray());
    }
}
