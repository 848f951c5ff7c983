package io.jfamfs.ns;

import io.jfamfs.omf.Fmap;

/**
 * A file: fixed {@code size}, pre-allocated device memory described by {@code fmap}.
 *
 * @param flags {@code fm_flags} as logged (2 = {@code FAMFS_FM_ALL_HOSTS_RW})
 */
public record FileNode(long id, long parentId, String name, String relpath, long index, long size, int flags,
        int mode, int uid, int gid, Fmap fmap) implements Node {
}
