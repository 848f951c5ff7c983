package io.jfamfs.omf;

/** One {@code famfs_simple_extent}: {@code length} bytes at device byte {@code offset} of daxdev {@code devIndex}. */
public record SimpleExtent(long devIndex, long offset, long length) {
    /** Returns the device offset one past the extent's last byte. */
    public long end() {
        return offset + length;
    }
}
