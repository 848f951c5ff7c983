package io.jfamfs.ns;

import io.jfamfs.alloc.AllocationBitmap;
import io.jfamfs.alloc.Geometry;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories and files that the log describes, built by {@link #apply} in log order.
 * Entries that break a rule are rejected with a reason and leave no trace. See the package
 * documentation for ids and for the single-writer, lock-free-reader concurrency contract.
 */
public final class Namespace {
    private final Geometry geometry;
    private final DirNode root;
    private final ConcurrentHashMap<Long, Node> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Node> byPath = new ConcurrentHashMap<>();
    private final AllocationBitmap used;
    private final List<LogEntry.AddDaxdevEntry> daxdevs = new ArrayList<>();
    private final Object writeLock = new Object();
    private volatile long fileCount;
    private volatile long dirCount;
    private volatile long allocatedBytes;
    private volatile long freeBytes;

    /** Creates an empty namespace for a device of {@code geometry}; the root has {@code rootMode}. */
    public Namespace(Geometry geometry, int rootMode, int rootUid, int rootGid) {
        this.geometry = geometry;
        this.used = new AllocationBitmap(geometry);
        this.root = new DirNode(Node.ROOT_ID, Node.ROOT_ID, "", "", -1, rootMode, rootUid, rootGid);
        byId.put(root.id(), root);
        byPath.put("", root);
        publishSpace();
    }

    /** Creates an empty namespace whose root is 0755 root:root. */
    public Namespace(Geometry geometry) {
        this(geometry, 0755, 0, 0);
    }

    public Geometry geometry() {
        return geometry;
    }

    /**
     * Applies log entry {@code index}; returns why it was rejected, or empty when it was applied or
     * is a type that makes no node (DELETE, INVALID, unknown).
     */
    public Optional<Rejection> apply(long index, LogEntry entry) {
        synchronized (writeLock) {
            Rejection r = switch (entry) {
                case LogEntry.FileEntry f -> addFile(index, f);
                case LogEntry.MkdirEntry d -> addDir(index, d);
                case LogEntry.AddDaxdevEntry a -> addDaxdev(a);
                case LogEntry.OtherEntry o -> null;
            };
            return Optional.ofNullable(r);
        }
    }

    private Rejection addFile(long index, LogEntry.FileEntry f) {
        Rejection r = PathRules.checkOrNull(f.relpath());
        String path = f.relpath().toString();
        if (r == null) {
            r = checkPlace(path);
        }
        if (r == null) {
            r = FmapRules.checkOrNull(geometry, used, f.size(), f.fmap());
        }
        if (r != null) {
            return r;
        }
        used.mark(f.fmap());
        DirNode parent = (DirNode) byPath.get(PathRules.parentOf(path));
        publish(parent, new FileNode(Node.idOf(index), parent.id(), PathRules.nameOf(path), path, index, f.size(),
                f.flags(), f.mode(), f.uid(), f.gid(), f.fmap()));
        fileCount++;
        publishSpace();
        return null;
    }

    private Rejection addDir(long index, LogEntry.MkdirEntry d) {
        Rejection r = PathRules.checkOrNull(d.relpath());
        String path = d.relpath().toString();
        if (r == null) {
            r = checkPlace(path);
        }
        if (r != null) {
            return r;
        }
        DirNode parent = (DirNode) byPath.get(PathRules.parentOf(path));
        publish(parent, new DirNode(Node.idOf(index), parent.id(), PathRules.nameOf(path), path, index, d.mode(),
                d.uid(), d.gid()));
        dirCount++;
        return null;
    }

    private Rejection addDaxdev(LogEntry.AddDaxdevEntry a) {
        // famfs_daxdev_table_add: slot 0 is the primary device, so the n-th entry must carry index n.
        if (a.index() != daxdevs.size() + 1) {
            return new Rejection(Errno.ERANGE, "add_daxdev index %d, expected %d".formatted(a.index(), daxdevs.size() + 1));
        }
        for (LogEntry.AddDaxdevEntry d : daxdevs) {
            if (d.uuid().equals(a.uuid())) {
                return new Rejection(Errno.EEXIST, "add_daxdev uuid %s already added".formatted(a.uuid()));
            }
        }
        daxdevs.add(a);
        return null;
    }

    /** Returns why a new node cannot be made at the valid relpath {@code path}, or null. */
    private Rejection checkPlace(String path) {
        if (byPath.containsKey(path)) {
            return new Rejection(Errno.EEXIST, "path already exists: " + path);
        }
        String parentPath = PathRules.parentOf(path);
        Node parent = byPath.get(parentPath);
        if (parent == null) {
            return new Rejection(Errno.ENOENT, "parent directory does not exist: " + parentPath + " (for " + path + ")");
        }
        if (!(parent instanceof DirNode)) {
            return new Rejection(Errno.ENOTDIR, "parent is not a directory: " + parentPath + " (for " + path + ")");
        }
        return null;
    }

    /**
     * Returns why a new file or directory could not be made at {@code relpath} now, or empty: the path
     * rules, the 79-byte limit, an existing node, a missing or non-directory parent.
     */
    public Optional<Rejection> checkNewPath(String relpath) {
        Optional<Rejection> r = PathRules.check(relpath);
        return r.isPresent() ? r : Optional.ofNullable(checkPlace(relpath));
    }

    private void publish(DirNode parent, Node node) {
        byId.put(node.id(), node);
        byPath.put(node.relpath(), node);
        parent.add(node); // last: whatever a listing shows is already resolvable by id and path
    }

    private void publishSpace() {
        allocatedBytes = used.allocatedBytes();
        freeBytes = used.freeBytes();
    }

    /** Returns the root directory (id 1). */
    public DirNode root() {
        return root;
    }

    /** Returns the node with id {@code id}. */
    public Optional<Node> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Returns the node at {@code relpath} ("" is the root). */
    public Optional<Node> find(String relpath) {
        return Optional.ofNullable(byPath.get(relpath));
    }

    /** Returns the child {@code name} of directory {@code parentId}; empty when either is missing. */
    public Optional<Node> find(long parentId, String name) {
        return byId.get(parentId) instanceof DirNode d ? d.findChild(name) : Optional.empty();
    }

    /** Returns the directory {@code id}, or throws ENOENT/ENOTDIR. */
    public DirNode requireDirectory(long id) throws ErrnoException {
        Node n = byId.get(id);
        if (n == null) {
            throw new ErrnoException(Errno.ENOENT, "no such node: id=" + id);
        }
        if (!(n instanceof DirNode d)) {
            throw new ErrnoException(Errno.ENOTDIR, "not a directory: " + n.relpath());
        }
        return d;
    }

    /** Returns the directory at {@code relpath}, or throws ENOENT/ENOTDIR. */
    public DirNode requireDirectory(String relpath) throws ErrnoException {
        Node n = byPath.get(relpath);
        if (n == null) {
            throw new ErrnoException(Errno.ENOENT, "no such directory: " + relpath);
        }
        return requireDirectory(n.id());
    }

    /** Returns the children of directory {@code id} in creation order, or throws ENOENT/ENOTDIR. */
    public List<Node> list(long id) throws ErrnoException {
        return requireDirectory(id).children();
    }

    /** Returns the number of files. */
    public long fileCount() {
        return fileCount;
    }

    /** Returns the number of directories, the root excluded. */
    public long directoryCount() {
        return dirCount;
    }

    /** Returns the bytes that files occupy (whole allocation units). */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** Returns the free bytes (whole allocation units outside the reserved region and files). */
    public long freeBytes() {
        return freeBytes;
    }

    /** Returns the ADD_DAXDEV entries accepted so far, in order (slot 1, 2, ...). */
    public List<LogEntry.AddDaxdevEntry> daxdevs() {
        synchronized (writeLock) {
            return List.copyOf(daxdevs);
        }
    }

    /** Returns a copy of the space map of all files, for an allocation session. */
    public AllocationBitmap spaceMapCopy() {
        synchronized (writeLock) {
            return used.copy();
        }
    }
}
