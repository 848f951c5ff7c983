package io.jfamfs.api;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.device.DaxDevice;
import io.jfamfs.log.FlockLock;
import io.jfamfs.log.FsckReport;
import io.jfamfs.log.MetadataLog;
import io.jfamfs.log.Problem;
import io.jfamfs.log.ProcessLock;
import io.jfamfs.log.SuperblockChangedException;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Namespace;
import io.jfamfs.ns.Node;
import io.jfamfs.ns.PathRules;
import io.jfamfs.ns.Rejection;
import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.Superblock;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * An open famfs device: its namespace, this host's role, metadata changes on the master, file
 * mapping. Open with {@link #open(Path)}; close to unmap. See the package documentation for an
 * example and for thread safety.
 *
 * <p>Relpaths are relative to the mount point, {@code /}-separated, without empty, {@code .} or
 * {@code ..} components, at most 79 UTF-8 bytes; {@code ""} is the root.
 */
public final class Famfs implements AutoCloseable {
    private final DaxDevice device;
    private final MetadataLog log;
    private final Role role;
    private final UUID systemUuid;
    private final ProcessLock lock;
    private final Arena mappings = Arena.ofShared();
    private final ConcurrentHashMap<Long, MemorySegment> mapped = new ConcurrentHashMap<>();

    private Famfs(DaxDevice device, MetadataLog log, Role role, UUID systemUuid, ProcessLock lock) {
        this.device = device;
        this.log = log;
        this.role = role;
        this.systemUuid = systemUuid;
        this.lock = lock;
    }

    /** Opens {@code device} (a devdax device or an emulated device file) with the default options. */
    public static Famfs open(Path device) throws IOException {
        return open(device, FamfsOptions.defaults());
    }

    /**
     * Opens {@code devicePath}, validates the superblock and log header, decides the role from this
     * host's system uuid and replays the log. Throws {@link NotFamfsException} when the device holds
     * no valid famfs.
     */
    public static Famfs open(Path devicePath, FamfsOptions options) throws IOException {
        DaxDevice device = DaxDevice.open(devicePath, options.readOnly() ? DaxDevice.Access.READ_ONLY
                : DaxDevice.Access.READ_WRITE);
        ProcessLock lock = null;
        try {
            Superblock sb = DeviceChecks.readSuperblock(device);
            Optional<UUID> me;
            String noUuid = "unknown (no system uuid file)";
            try {
                me = SystemIdentity.find(options.systemUuid(), options.systemUuidFile());
            } catch (ErrnoException e) { // as the reference: no usable system uuid makes this host a client
                me = Optional.empty();
                noUuid = "unusable (" + e.getMessage() + ")";
            }
            Role role = me.isPresent() && me.get().equals(sb.systemUuid()) ? Role.MASTER : Role.CLIENT;
            String readOnlyReason = null;
            if (options.readOnly()) {
                readOnlyReason = "famfs %s is open read-only".formatted(devicePath);
            } else if (role == Role.CLIENT) {
                readOnlyReason = ("this host is a client of %s: only the master (system uuid %s) may change metadata; "
                        + "this host's system uuid is %s").formatted(devicePath, sb.systemUuid(),
                        me.map(UUID::toString).orElse(noUuid));
            } else {
                lock = device.fd() >= 0 ? new FlockLock(devicePath) : ProcessLock.none();
            }
            Geometry g = Geometry.of(Math.min(sb.deviceSize(), device.size()), sb.allocUnit(), sb.logLength());
            RandomGenerator random = options.random() != null ? options.random() : RandomGenerator.getDefault();
            MetadataLog log = MetadataLog.open(device.segment(), sb, g, device::flush,
                    lock != null ? lock : ProcessLock.none(), readOnlyReason, random);
            return new Famfs(device, log, role, me.orElse(null), lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            device.close();
            if (e instanceof ErrnoException x && x.is(Errno.EIO) && !(x instanceof NotFamfsException)) {
                throw new NotFamfsException("no valid famfs log on " + devicePath + ": " + x.getMessage());
            }
            throw e;
        }
    }

    /**
     * Formats {@code device} as {@code mkfs.famfs}: a fresh superblock owned by this host (see
     * {@link FormatOptions}) and an empty log, flushed log first, superblock last. Refuses an existing
     * famfs (also one with another version) without {@code force}, a log length that is not a power of two
     * of at least 8 MiB, and a device smaller than {@link #minimumDeviceSize}. The reference CLI also
     * demands a 4 GiB devdax character device; jfamfs takes any device (emulated ones too) that holds
     * the superblock, the log and a few allocation units, so tests can use small sparse files.
     */
    public static Superblock format(Path device, FormatOptions options) throws IOException {
        return Formatting.format(device, options);
    }

    /** Returns the smallest device {@link #format} accepts for a log of {@code logLength} bytes. */
    public static long minimumDeviceSize(long logLength) {
        return Formatting.minimumDeviceSize(logLength);
    }

    /** Returns this host's role. */
    public Role role() {
        return role;
    }

    /** Returns whether metadata changes are refused (client, or opened read-only). */
    public boolean readOnly() {
        return !log.writable();
    }

    /** Returns this host's system uuid, if it has one. */
    public Optional<UUID> systemUuid() {
        return Optional.ofNullable(systemUuid);
    }

    /** Creates a file of {@code size} bytes, mode 0644, owned by this process's uid and gid. */
    public FamfsFile create(String relpath, long size) throws ErrnoException {
        return create(relpath, size, 0644, SystemIdentity.uid(), SystemIdentity.gid());
    }

    /** Creates a contiguous file (first-fit allocation). Master only (EROFS elsewhere). */
    public FamfsFile create(String relpath, long size, int mode, int uid, int gid) throws ErrnoException {
        return new FamfsFile(this, log.create(relpath, size, mode, uid, gid, null));
    }

    /** Creates a file striped as {@code interleave} says. Master only. */
    public FamfsFile create(String relpath, long size, int mode, int uid, int gid, Interleave interleave)
            throws ErrnoException {
        return new FamfsFile(this, log.create(relpath, size, mode, uid, gid, interleave == null ? null : interleave.params()));
    }

    /** Creates one directory, whose parent must exist. Master only. */
    public DirNode mkdir(String relpath, int mode, int uid, int gid) throws ErrnoException {
        return log.mkdir(relpath, mode, uid, gid);
    }

    /** Creates a directory and any missing parents (existing directories are fine). Master only. */
    public DirNode mkdirs(String relpath, int mode, int uid, int gid) throws ErrnoException {
        Optional<Rejection> bad = PathRules.check(relpath);
        if (bad.isPresent()) {
            throw bad.get().toException();
        }
        return log.session(s -> {
            Node at = s.namespace().root();
            int start = 0;
            while (true) {
                int slash = relpath.indexOf('/', start);
                String prefix = slash < 0 ? relpath : relpath.substring(0, slash);
                Optional<Node> existing = s.namespace().find(prefix);
                if (existing.isEmpty()) {
                    at = s.mkdir(prefix, mode, uid, gid);
                } else if (existing.get() instanceof DirNode d) {
                    at = d;
                } else {
                    throw new ErrnoException(Errno.ENOTDIR, "not a directory: " + prefix + " (for " + relpath + ")");
                }
                if (slash < 0) {
                    return (DirNode) at;
                }
                start = slash + 1;
            }
        });
    }

    /**
     * Logs {@code destRelpath} with the extents of the file at {@code srcRelpath}, cross-linking the
     * file system on purpose (the reference's {@code famfs clone}, for testing fsck). The namespace
     * refuses the clone as overlapping; fsck reports the collision. Master only.
     */
    public void cloneForTesting(String srcRelpath, String destRelpath) throws ErrnoException {
        log.session(s -> {
            Node source = s.namespace().find(srcRelpath).orElseThrow(
                    () -> new ErrnoException(Errno.ENOENT, "no such file: " + srcRelpath));
            if (!(source instanceof FileNode f)) {
                throw new ErrnoException(Errno.EINVAL, "not a famfs file: " + srcRelpath);
            }
            s.cloneForTesting(destRelpath, f);
            return null;
        });
    }

    /**
     * Runs several creates in one append session: the log stays locked meanwhile, and contiguous
     * allocation is first-fit for the first file and next-fit after it, as one reference command.
     */
    public <T> T batch(Batch<T> work) throws ErrnoException {
        return log.session(s -> work.run(new BatchOps(this, s)));
    }

    /** Work for {@link #batch}. */
    @FunctionalInterface
    public interface Batch<T> {
        T run(BatchOps ops) throws ErrnoException;
    }

    /** Returns the node at {@code relpath} ({@code ""} is the root). */
    public Optional<Node> lookup(String relpath) {
        return log.namespace().find(relpath);
    }

    /** Returns the file at {@code relpath}, if there is a file there. */
    public Optional<FamfsFile> file(String relpath) {
        return lookup(relpath).flatMap(n -> n instanceof FileNode f ? Optional.of(file(f)) : Optional.empty());
    }

    /** Returns the file with node id {@code id}, if it is a file. */
    public Optional<FamfsFile> file(long id) {
        return log.namespace().find(id).flatMap(n -> n instanceof FileNode f ? Optional.of(file(f)) : Optional.empty());
    }

    /** Wraps a node of this file system's namespace. */
    public FamfsFile file(FileNode node) {
        return new FamfsFile(this, node);
    }

    /** Returns the children of directory {@code relpath} in creation order; ENOENT/ENOTDIR otherwise. */
    public List<Node> list(String relpath) throws ErrnoException {
        return log.namespace().requireDirectory(relpath).children();
    }

    /**
     * Replays what was appended since the last refresh (by this or another host); returns whether
     * the namespace changed. Throws {@link SuperblockChangedException} when the device was re-formatted.
     */
    public boolean refresh() throws ErrnoException {
        return log.refresh().applied() > 0;
    }

    /** Returns the namespace (lock-free reads; see {@link io.jfamfs.ns}). */
    public Namespace namespace() {
        return log.namespace();
    }

    /** Returns the problems met while replaying (bad or rejected entries). */
    public List<Problem> problems() {
        return log.problems();
    }

    /** Returns the superblock this device was opened with. */
    public Superblock superblock() {
        return log.superblock();
    }

    /** Returns the log header as it is on the device now. */
    public LogHeader logHeader() {
        return log.header();
    }

    /** Returns the mapped device. */
    public DaxDevice device() {
        return device;
    }

    /** Scans the log as {@code famfs fsck} does. */
    public FsckReport fsck() {
        return log.fsck();
    }

    /**
     * Checks {@code devicePath} as {@code famfs fsck} does, opening it read-only: needs a valid
     * superblock ({@link NotFamfsException} otherwise) but reports a bad log header or bad entries
     * in the report instead of refusing, so it works on devices {@link #open} refuses.
     */
    public static FsckReport fsck(Path devicePath) throws IOException {
        return DeviceChecks.fsck(devicePath);
    }

    /** Returns device bytes [0, 2 MiB): what {@code .meta/.superblock} shows. */
    public MemorySegment superblockRegion() {
        return device.slice(0, Geometry.SUPERBLOCK_REGION);
    }

    /** Returns the log, device bytes [2 MiB, 2 MiB + log length): what {@code .meta/.log} shows. */
    public MemorySegment logRegion() {
        return device.slice(OmfConstants.LOG_OFFSET, superblock().logLength());
    }

    /** Returns the bytes in allocation units that files occupy. */
    public long allocatedBytes() {
        return log.namespace().allocatedBytes();
    }

    /** Returns the free bytes (whole allocation units). */
    public long freeBytes() {
        return log.namespace().freeBytes();
    }

    /** Returns the device size the superblock records (bounded by the device's actual size). */
    public long deviceSize() {
        return log.geometry().deviceSize();
    }

    MemorySegment mapCached(FileNode node) throws ErrnoException {
        MemorySegment m = mapped.get(node.id());
        if (m == null) {
            synchronized (mapped) {
                m = mapped.get(node.id());
                if (m == null) {
                    m = FileMapper.map(device, node, mappings);
                    mapped.put(node.id(), m);
                }
            }
        }
        return m;
    }

    /** Unmaps every mapping handed out by {@link FamfsFile#map()} and the device, and releases the lock fd. */
    @Override
    public void close() {
        synchronized (mapped) {
            if (mappings.scope().isAlive()) {
                mappings.close();
            }
            mapped.clear();
        }
        if (lock != null) {
            lock.close();
        }
        device.close();
    }

    @Override
    public String toString() {
        return "Famfs[%s role=%s files=%d dirs=%d]".formatted(device.path(), role, namespace().fileCount(),
                namespace().directoryCount());
    }
}
