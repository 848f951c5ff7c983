package io.jfamfs.api;

/** This host's role on a device ({@code famfs_get_role}): decided by the system uuid in the superblock. */
public enum Role {
    /** The host that formatted the device: it alone appends to the log. */
    MASTER,
    /** Any other host: read-only metadata; file data is readable and writable by mode. */
    CLIENT
}
