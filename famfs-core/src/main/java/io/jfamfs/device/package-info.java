/**
 * The famfs device as one {@link java.lang.foreign.MemorySegment}: a devdax character device
 * ({@code /dev/daxX.Y}, validated through sysfs) or an emulated device (a file on tmpfs or
 * hugetlbfs), mapped whole with {@code mmap(MAP_SHARED)} through FFM; its flush; creating emulated
 * devices; and this host's famfs system uuid ({@code /opt/famfs/system_uuid}), which decides whether
 * the host is the master of a device. Knows files and memory, never the on-media format.
 */
package io.jfamfs.device;
