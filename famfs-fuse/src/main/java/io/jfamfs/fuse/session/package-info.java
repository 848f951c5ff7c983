/**
 * A pure-Java {@code /dev/fuse} server: mount(2)/umount2, the INIT handshake, platform reader threads
 * each on its own (cloned) fd with one off-heap buffer, dispatch of requests to a
 * {@link io.jfamfs.fuse.session.FuseFileSystem}, replies by {@code writev} straight from the segments
 * the file system returns, and asynchronous invalidation notices. Knows FUSE, not famfs.
 */
package io.jfamfs.fuse.session;
