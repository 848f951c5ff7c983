package io.jfamfs.omf;

import static io.jfamfs.omf.OmfTypes.U32;
import static io.jfamfs.omf.OmfTypes.U64;
import static io.jfamfs.omf.SuperblockLayout.*;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A flyweight over the 200-byte {@code famfs_superblock} at the start of a device: field reads and
 * writes at layout offsets, validation as {@code famfs_check_super} plus strict geometry checks, and
 * conversion to and from {@link Superblock}. Holds no state but the segment; keep the decoded record.
 */
public record SuperblockView(MemorySegment segment) {
    public SuperblockView {
        if (segment.byteSize() < SIZE) {
            throw new IllegalArgumentException("segment too small for a superblock: " + segment.byteSize());
        }
    }

    public long magic() {
        return segment.get(U64, MAGIC_OFFSET);
    }

    public long version() {
        return segment.get(U64, VERSION_OFFSET);
    }

    public long logOffset() {
        return segment.get(U64, LOG_OFFSET_OFFSET);
    }

    public long logLength() {
        return segment.get(U64, LOG_LEN_OFFSET);
    }

    public long allocUnit() {
        return segment.get(U64, ALLOC_UNIT_OFFSET);
    }

    public int omfMajor() {
        return segment.get(U32, OMF_VER_MAJOR_OFFSET);
    }

    public int omfMinor() {
        return segment.get(U32, OMF_VER_MINOR_OFFSET);
    }

    public UUID fsUuid() {
        return OmfTypes.getUuid(segment, UUID_OFFSET);
    }

    public UUID devUuid() {
        return OmfTypes.getUuid(segment, DEV_UUID_OFFSET);
    }

    public UUID systemUuid() {
        return OmfTypes.getUuid(segment, SYSTEM_UUID_OFFSET);
    }

    /** Returns {@code ts_crc} as stored, all 64 bits. */
    public long storedCrc() {
        return segment.get(U64, CRC_OFFSET);
    }

    /** Returns the CRC of bytes [0,96), zero-extended as the reference stores it. */
    public long computedCrc() {
        return OmfTypes.crc32(segment, 0, CRC_OFFSET);
    }

    /** Compares all 64 stored bits, as the reference does: a set upper bit makes the superblock invalid. */
    public boolean crcOk() {
        return storedCrc() == computedCrc();
    }

    public int flags() {
        return segment.get(U32, SB_FLAGS_OFFSET);
    }

    /** Returns {@code ts_daxdev.dd_size}: the device size the allocator uses. */
    public long deviceSize() {
        return segment.get(U64, DAXDEV_SIZE_OFFSET);
    }

    public UUID daxdevUuid() {
        return OmfTypes.getUuid(segment, DAXDEV_UUID_OFFSET);
    }

    /** Returns {@code dd_daxdev} up to its first NUL; all 64 bytes when mkfs's strncpy left none. */
    public byte[] daxdevNameBytes() {
        return OmfTypes.cString(segment, DAXDEV_NAME_OFFSET, OmfConstants.DEVNAME_LEN);
    }

    /** Copies every field into a record; never throws, whatever the bytes. */
    public Superblock decode() {
        return new Superblock(magic(), version(), logOffset(), logLength(), allocUnit(), omfMajor(), omfMinor(),
                fsUuid(), devUuid(), systemUuid(), storedCrc(), flags(), deviceSize(), daxdevUuid(),
                new String(daxdevNameBytes(), StandardCharsets.UTF_8), crcOk());
    }

    /**
     * Checks the superblock: first exactly as {@code famfs_check_super} (magic, version, CRC, alloc
     * unit, in that order), then, stricter than the reference, that the log lies at 2 MiB inside the
     * device and holds at least one entry. The omf version is not checked (neither does the reference).
     */
    public Superblock validate() throws OmfException {
        if (magic() != OmfConstants.SUPER_MAGIC) {
            throw new OmfException(OmfException.Reason.NO_SUPERBLOCK,
                    "no famfs superblock: magic=0x%x expected=0x%x".formatted(magic(), OmfConstants.SUPER_MAGIC));
        }
        if (version() != OmfConstants.CURRENT_VERSION) {
            throw new OmfException(OmfException.Reason.WRONG_VERSION,
                    "wrong superblock version: version=%d expected=%d".formatted(version(),
                            OmfConstants.CURRENT_VERSION));
        }
        if (!crcOk()) {
            throw new OmfException(OmfException.Reason.BAD_CRC, "bad superblock crc: stored=0x%x computed=0x%x"
                    .formatted(storedCrc(), computedCrc()));
        }
        if (allocUnit() != OmfConstants.ALLOC_UNIT && allocUnit() != OmfConstants.ALLOC_UNIT_4K) {
            throw new OmfException(OmfException.Reason.BAD_ALLOC_UNIT,
                    "bad alloc unit: alloc_unit=0x%x".formatted(allocUnit()));
        }
        validateGeometry();
        return decode();
    }

    private void validateGeometry() throws OmfException {
        long off = logOffset();
        long len = logLength();
        long size = deviceSize();
        boolean ok = off == OmfConstants.LOG_OFFSET
                && len >= LogHeaderLayout.ENTRIES_OFFSET + LogEntryLayout.SIZE
                && len <= size - off // size - off cannot overflow: off is 2 MiB here
                && size > off;
        if (!ok) {
            throw new OmfException(OmfException.Reason.BAD_GEOMETRY,
                    "bad log geometry: log_offset=0x%x log_len=0x%x dd_size=0x%x".formatted(off, len, size));
        }
    }

    /**
     * Zero-fills the 200 bytes and writes every field of {@code sb} except {@code crc}/{@code crcOk},
     * then a freshly computed CRC. {@code daxdevName} is UTF-8, strncpy'd to 64 bytes.
     */
    public void encode(Superblock sb) {
        segment.asSlice(0, SIZE).fill((byte) 0);
        writeGeometry(sb.magic(), sb.version(), sb.logOffset(), sb.logLength(), sb.allocUnit(), sb.omfMajor(),
                sb.omfMinor());
        OmfTypes.putUuid(segment, UUID_OFFSET, sb.fsUuid());
        OmfTypes.putUuid(segment, DEV_UUID_OFFSET, sb.devUuid());
        OmfTypes.putUuid(segment, SYSTEM_UUID_OFFSET, sb.systemUuid());
        segment.set(U32, SB_FLAGS_OFFSET, sb.flags());
        writeDaxdev(sb.deviceSize(), sb.daxdevUuid(), sb.daxdevName().getBytes(StandardCharsets.UTF_8));
        writeCrc();
    }

    void writeGeometry(long magic, long version, long logOffset, long logLength, long allocUnit, int omfMajor,
            int omfMinor) {
        segment.set(U64, MAGIC_OFFSET, magic);
        segment.set(U64, VERSION_OFFSET, version);
        segment.set(U64, LOG_OFFSET_OFFSET, logOffset);
        segment.set(U64, LOG_LEN_OFFSET, logLength);
        segment.set(U64, ALLOC_UNIT_OFFSET, allocUnit);
        segment.set(U32, OMF_VER_MAJOR_OFFSET, omfMajor);
        segment.set(U32, OMF_VER_MINOR_OFFSET, omfMinor);
    }

    void writeUuid(long offset, UUID uuid) {
        OmfTypes.putUuid(segment, offset, uuid);
    }

    void writeFlags(int flags) {
        segment.set(U32, SB_FLAGS_OFFSET, flags);
        segment.set(U32, SB_FLAGS_OFFSET + 4, 0); // the padding, so the struct is fully defined
    }

    void writeDaxdev(long size, UUID uuid, byte[] name) {
        segment.set(U64, DAXDEV_SIZE_OFFSET, size);
        OmfTypes.putUuid(segment, DAXDEV_UUID_OFFSET, uuid);
        OmfTypes.putStrncpy(segment, DAXDEV_NAME_OFFSET, OmfConstants.DEVNAME_LEN, name);
    }

    /** Recomputes and stores {@code ts_crc} over bytes [0,96); call it after the last covered write. */
    public void writeCrc() {
        segment.set(U64, CRC_OFFSET, computedCrc());
    }
}
