package io.jfamfs.log;

/**
 * Something wrong in the log: a bad entry (replay stops there) or an entry the namespace rejected
 * (skipped). {@code index} is the log slot, or -1 for the superblock or the log header.
 */
public record Problem(long index, String message) {
    @Override
    public String toString() {
        return index < 0 ? message : "entry " + index + ": " + message;
    }
}
