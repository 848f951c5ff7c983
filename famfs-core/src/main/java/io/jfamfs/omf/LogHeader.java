package io.jfamfs.omf;

/** A decoded {@code famfs_log} header. {@code crcOk} says whether the CRC over bytes [0,24) matched. */
public record LogHeader(long magic, long length, long lastIndex, long crc, long nextSeqnum, long nextIndex,
        boolean crcOk) {
}
