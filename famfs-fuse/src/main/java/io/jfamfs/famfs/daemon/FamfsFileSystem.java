package io.jfamfs.famfs.daemon;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.Role;
import io.jfamfs.fuse.kernel.Attr;
import io.jfamfs.fuse.kernel.AttrOut;
import io.jfamfs.fuse.kernel.DaxFmap;
import io.jfamfs.fuse.kernel.Dirents;
import io.jfamfs.fuse.kernel.EntryOut;
import io.jfamfs.fuse.kernel.OpenOut;
import io.jfamfs.fuse.kernel.SetattrIn;
import io.jfamfs.fuse.kernel.StatfsOut;
import io.jfamfs.fuse.session.Capabilities;
import io.jfamfs.fuse.session.FuseFileSystem;
import io.jfamfs.fuse.session.FuseSession;
import io.jfamfs.fuse.session.ReadReply;
import io.jfamfs.fuse.session.Request;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;

/**
 * famfs over FUSE: a thin adapter from requests to an open {@link Famfs}. Names come from the
 * replayed namespace, bytes straight from the device segment ({@link FileData}), new entries from
 * the log ({@link LogWatcher}: on a timer, on lookup misses and on opendir). Files are fixed-size: nothing here grows, shrinks, renames or
 * deletes; mkdir is logged on the master. Safe for concurrent requests: the namespace is read
 * lock-free and appends are serialized by the api.
 */
public final class FamfsFileSystem implements FuseFileSystem {
    private static final System.Logger LOG = System.getLogger(FamfsFileSystem.class.getName());
    private static final int MAX_NAME = 79; // a whole relpath is at most 79 bytes on the media

    private final Famfs fs;
    private final DaemonConfig config;
    private final MetaFiles meta;
    private final Attributes attributes;
    private final FileData data;
    private final LogWatcher watcher;
    private final Duration timeout;
    private final boolean mayChangeMetadata;

    public FamfsFileSystem(Famfs fs, DaemonConfig config) {
        this.fs = fs;
        this.config = config;
        long epoch = System.currentTimeMillis() / 1000;
        this.meta = new MetaFiles(fs.device().segment(), fs.superblock().logOffset(), fs.superblock().logLength(),
                fs.role() == Role.MASTER);
        this.attributes = new Attributes(fs, epoch);
        this.data = new FileData(fs, meta, epoch, config.readOnly());
        this.watcher = new LogWatcher(fs);
        this.timeout = config.effectiveTimeout();
        this.mayChangeMetadata = !config.readOnly() && !fs.readOnly();
    }

    /** Starts re-reading the log and sending invalidations over {@code session}. */
    public void attach(FuseSession session) {
        watcher.start(session.notifier(), config.refreshInterval());
    }

    /** Re-reads the log now (the timer does this too); returns true when something new appeared. */
    public boolean refresh() {
        return watcher.refresh();
    }

    @Override
    public void init(Capabilities capabilities) {
        if (capabilities.daxFmapOffered()) {
            LOG.log(System.Logger.Level.INFO, "the kernel offers famfs DAX fmaps (GET_FMAP)");
        }
    }

    @Override
    public void destroy() {
        watcher.close();
    }

    private void live() throws ErrnoException {
        var stale = watcher.staleReason();
        if (stale.isPresent()) {
            throw new ErrnoException(Errno.EIO, "stale famfs (superblock changed): " + stale.get());
        }
    }

    private Node node(long id) throws ErrnoException {
        return fs.namespace().find(id).orElseThrow(() -> new ErrnoException(Errno.ENOENT, "no node " + id));
    }

    private DirNode dir(long id) throws ErrnoException {
        return fs.namespace().requireDirectory(id);
    }

    private EntryOut entry(Node n) {
        return new EntryOut(n.id(), 0, timeout, timeout, attributes.of(n));
    }

    private EntryOut entry(long id, Attr attr) {
        return new EntryOut(id, 0, timeout, timeout, attr);
    }

    @Override
    public EntryOut lookup(Request r, long parent, String name) throws ErrnoException {
        live();
        if (parent == MetaFiles.DIR_ID) {
            var m = meta.find(name).orElseThrow(() -> new ErrnoException(Errno.ENOENT, ".meta/" + name));
            return entry(m.id(), meta.attr(m, data.epoch()));
        }
        if (parent == Node.ROOT_ID && name.equals(MetaFiles.DIR_NAME)) {
            return entry(MetaFiles.DIR_ID, meta.dirAttr(data.epoch()));
        }
        Node child = dir(parent).childOrNull(name);
        if (child == null && watcher.refresh()) { // a miss may be a name another host just logged
            child = dir(parent).childOrNull(name);
        }
        if (child == null) {
            throw new ErrnoException(Errno.ENOENT, name);
        }
        return entry(child);
    }

    @Override
    public AttrOut getattr(Request r, long nodeId, long fh) throws ErrnoException {
        live();
        if (nodeId == MetaFiles.DIR_ID) {
            return new AttrOut(timeout, meta.dirAttr(data.epoch()));
        }
        var m = meta.file(nodeId);
        if (m.isPresent()) {
            return new AttrOut(timeout, meta.attr(m.get(), data.epoch()));
        }
        return new AttrOut(timeout, attributes.of(node(nodeId)));
    }

    @Override
    public AttrOut setattr(Request r, long nodeId, SetattrIn in) throws ErrnoException {
        live();
        AttrOut now = getattr(r, nodeId, -1);
        boolean sameSize = !in.has(SetattrIn.FATTR_SIZE) || in.size() == now.attr().size();
        int changing = in.valid() & ~(SetattrIn.FATTR_FH | SetattrIn.FATTR_LOCKOWNER | SetattrIn.FATTR_SIZE);
        if (sameSize && changing == 0) {
            return now; // e.g. O_TRUNC-less truncate to the current size: nothing to do
        }
        throw new ErrnoException(Errno.EPERM, "famfs files have fixed size, mode, owner and times: node " + nodeId);
    }

    @Override
    public OpenOut opendir(Request r, long nodeId, int flags) throws ErrnoException {
        live();
        if (nodeId != MetaFiles.DIR_ID) {
            dir(nodeId);
            watcher.refresh(); // a listing right after `famfs creat` elsewhere shows the new name (one header read)
        }
        return new OpenOut(0, 0);
    }

    @Override
    public void readdir(Request r, long nodeId, long fh, long offset, Dirents out) throws ErrnoException {
        live();
        new Listing(this, nodeId, out).fill(offset);
    }

    @Override
    public void readdirplus(Request r, long nodeId, long fh, long offset, Dirents out) throws ErrnoException {
        readdir(r, nodeId, fh, offset, out);
    }

    /** Lists a directory for {@link Listing}: "." and ".." first, .meta at the root, then children. */
    List<Node> children(long id) throws ErrnoException {
        return dir(id).children();
    }

    long dirParent(long id) throws ErrnoException {
        return dir(id).parentId();
    }

    EntryOut entryFor(Node n) {
        return entry(n);
    }

    MetaFiles meta() {
        return meta;
    }

    Attributes attributes() {
        return attributes;
    }

    long epoch() {
        return data.epoch();
    }

    Duration timeout() {
        return timeout;
    }

    @Override
    public void releasedir(Request r, long nodeId, long fh) {
    }

    @Override
    public OpenOut open(Request r, long nodeId, int flags) throws ErrnoException {
        live();
        return data.open(nodeId, flags, config.cacheMode());
    }

    @Override
    public ReadReply read(Request r, long nodeId, long fh, long offset, int size) throws ErrnoException {
        live();
        return data.read(nodeId, offset, size);
    }

    @Override
    public int write(Request r, long nodeId, long fh, long offset, MemorySegment bytes, int writeFlags)
            throws ErrnoException {
        live();
        return data.write(nodeId, offset, bytes);
    }

    @Override
    public void release(Request r, long nodeId, long fh, int flags) {
    }

    @Override
    public void flush(Request r, long nodeId, long fh) {
    }

    @Override
    public void fsync(Request r, long nodeId, long fh, boolean dataOnly) throws ErrnoException {
        live();
        data.sync(nodeId);
    }

    @Override
    public StatfsOut statfs(Request r, long nodeId) throws ErrnoException {
        live();
        long bsize = 4096;
        long capacity = fs.logHeader().lastIndex() + 1;
        long used = fs.logHeader().nextIndex();
        return new StatfsOut(fs.deviceSize() / bsize, fs.freeBytes() / bsize, fs.freeBytes() / bsize, capacity,
                Math.max(0, capacity - used), (int) bsize, MAX_NAME, (int) bsize);
    }

    @Override
    public void access(Request r, long nodeId, int mask) throws ErrnoException {
        live();
        if ((mask & 2) != 0 && config.readOnly()) {
            throw new ErrnoException(Errno.EROFS, "mounted read-only");
        }
    }

    @Override
    public byte[] getxattr(Request r, long nodeId, String name) throws ErrnoException {
        throw new ErrnoException(Errno.ENODATA, "famfs has no extended attributes");
    }

    @Override
    public List<String> listxattr(Request r, long nodeId) {
        return List.of();
    }

    @Override
    public EntryOut mkdir(Request r, long parent, String name, int mode, int umask) throws ErrnoException {
        live();
        if (!mayChangeMetadata) {
            throw new ErrnoException(Errno.EROFS, "mkdir " + name + ": " + (config.readOnly() ? "mounted read-only"
                    : "this host is a famfs client; only the master logs directories"));
        }
        if (parent == MetaFiles.DIR_ID || parent == Node.ROOT_ID && name.equals(MetaFiles.DIR_NAME)) {
            throw new ErrnoException(Errno.EPERM, ".meta is reserved");
        }
        DirNode p = dir(parent);
        String relpath = p.relpath().isEmpty() ? name : p.relpath() + "/" + name;
        DirNode made = fs.mkdir(relpath, mode & ~umask & 07777, r.uid(), r.gid());
        LOG.log(System.Logger.Level.INFO, "mkdir {0} (mode 0{1}) logged", relpath, Integer.toOctalString(made.mode()));
        return entry(made);
    }

    @Override
    public Created create(Request r, long parent, String name, int mode, int umask, int flags) throws ErrnoException {
        throw refuseNewFile(name);
    }

    @Override
    public EntryOut mknod(Request r, long parent, String name, int mode, int rdev, int umask) throws ErrnoException {
        throw refuseNewFile(name);
    }

    private static ErrnoException refuseNewFile(String name) {
        LOG.log(System.Logger.Level.INFO, "refused to create {0}: famfs files are allocated at creation; "
                + "use `famfs creat -s SIZE PATH` (or cp into the mount with `famfs cp`)", name);
        return new ErrnoException(Errno.EPERM, "famfs files are sized at creation: use famfs creat");
    }

    @Override
    public void unlink(Request r, long parent, String name) throws ErrnoException {
        throw immutable("unlink", name);
    }

    @Override
    public void rmdir(Request r, long parent, String name) throws ErrnoException {
        throw immutable("rmdir", name);
    }

    @Override
    public void rename(Request r, long parent, String name, long newParent, String newName, int flags)
            throws ErrnoException {
        throw immutable("rename", name);
    }

    @Override
    public EntryOut link(Request r, long nodeId, long newParent, String newName) throws ErrnoException {
        throw immutable("link", newName);
    }

    @Override
    public EntryOut symlink(Request r, long parent, String name, String target) throws ErrnoException {
        throw immutable("symlink", name);
    }

    @Override
    public void setxattr(Request r, long nodeId, String name, MemorySegment value, int flags) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "famfs has no extended attributes");
    }

    @Override
    public void removexattr(Request r, long nodeId, String name) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "famfs has no extended attributes");
    }

    private static ErrnoException immutable(String op, String name) {
        return new ErrnoException(Errno.EPERM, op + " " + name + ": famfs never removes, renames or links entries");
    }

    @Override
    public DaxFmap getFmap(Request r, long nodeId) throws ErrnoException {
        live();
        var m = meta.file(nodeId);
        if (m.isPresent()) {
            return meta.fmap(m.get());
        }
        if (node(nodeId) instanceof FileNode f) {
            return Attributes.fmap(f);
        }
        throw new ErrnoException(Errno.EISDIR, "GET_FMAP on a directory: node " + nodeId);
    }

    @Override
    public String getDaxdev(Request r, int index) throws ErrnoException {
        if (index != 0) {
            throw new ErrnoException(Errno.ENODEV, "only daxdev 0 is served: " + index);
        }
        return fs.device().path().toString();
    }
}
