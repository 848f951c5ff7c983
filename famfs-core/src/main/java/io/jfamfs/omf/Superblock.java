package io.jfamfs.omf;

import java.util.UUID;

/**
 * A decoded {@code famfs_superblock}. {@code daxdevName} is {@code ts_daxdev.dd_daxdev} up to its
 * first NUL (64 bytes when none). {@code crcOk} says whether the stored CRC matched bytes [0,96).
 */
public record Superblock(long magic, long version, long logOffset, long logLength, long allocUnit,
        int omfMajor, int omfMinor, UUID fsUuid, UUID devUuid, UUID systemUuid, long crc, int flags,
        long deviceSize, UUID daxdevUuid, String daxdevName, boolean crcOk) {
}
