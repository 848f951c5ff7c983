package io.jfamfs.api;

import io.jfamfs.log.MetadataLog;
import io.jfamfs.ns.DirNode;
import io.jfamfs.sys.ErrnoException;

/** The creates available inside {@link Famfs#batch}; valid only during that call, on its thread. */
public final class BatchOps {
    private final Famfs fs;
    private final MetadataLog.Session session;

    BatchOps(Famfs fs, MetadataLog.Session session) {
        this.fs = fs;
        this.session = session;
    }

    /** Creates a contiguous file (next-fit after the batch's previous allocation). */
    public FamfsFile create(String relpath, long size, int mode, int uid, int gid) throws ErrnoException {
        return fs.file(session.create(relpath, size, mode, uid, gid, null));
    }

    /** Creates a striped file. */
    public FamfsFile create(String relpath, long size, int mode, int uid, int gid, Interleave interleave)
            throws ErrnoException {
        return fs.file(session.create(relpath, size, mode, uid, gid, interleave == null ? null : interleave.params()));
    }

    /** Creates a directory whose parent exists. */
    public DirNode mkdir(String relpath, int mode, int uid, int gid) throws ErrnoException {
        return session.mkdir(relpath, mode, uid, gid);
    }
}
