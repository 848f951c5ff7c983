package io.jfamfs.device;

/** What backs a {@link DaxDevice}; it decides how a flush is done. */
public enum DeviceKind {
    /** A devdax character device, {@code /dev/daxX.Y}: the memory itself, no page cache. */
    DEVDAX,
    /** A regular file (tmpfs, hugetlbfs, or any file system) standing in for a device. */
    EMULATED,
    /** Anonymous shared memory private to this process: tests and dry runs. */
    MEMORY
}
