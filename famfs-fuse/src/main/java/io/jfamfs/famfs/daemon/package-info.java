/**
 * The famfs file system served over a {@link io.jfamfs.fuse.session.FuseSession}: the only place
 * where FUSE and famfs meet. {@link io.jfamfs.famfs.daemon.FamfsFileSystem} adapts an open
 * {@link io.jfamfs.api.Famfs} (namespace, data straight from the device segment, refresh from the
 * log); {@link io.jfamfs.famfs.daemon.DaemonMain} is the background daemon process;
 * {@link io.jfamfs.famfs.daemon.MountLauncher}, {@link io.jfamfs.famfs.daemon.Mounts} and
 * {@link io.jfamfs.famfs.daemon.Unmounter} are what {@code famfs mount/umount} call.
 */
package io.jfamfs.famfs.daemon;
