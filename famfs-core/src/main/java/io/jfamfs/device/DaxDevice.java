package io.jfamfs.device;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.sys.Posix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A famfs device mapped whole: one {@link MemorySegment} of {@link #size()} bytes, shared
 * ({@code MAP_SHARED}) with every other process and host that maps the same memory. Owns the mapping
 * through a shared {@link Arena} (daemon threads read it concurrently); {@link #close()} unmaps, after
 * which every slice throws {@link IllegalStateException}. A read-only device hands out a read-only
 * segment, so a stray write is an exception rather than a SIGSEGV.
 *
 * <p>Mapped with {@code mmap(2)} through FFM because {@code FileChannel.map} cannot map a character
 * device (it sees size 0).
 */
public final class DaxDevice implements AutoCloseable {
    /** The smallest device: the 2 MiB superblock region plus one 2 MiB unit. mkfs asks for more. */
    public static final long MIN_SIZE = 4L << 20;
    /** Device sizes are whole famfs allocation units. */
    public static final long SIZE_MULTIPLE = 2L << 20;
    private static final long PAGE_SIZE = 4096; // msync wants base-page-aligned addresses, even on hugetlbfs

    /** How to map. */
    public enum Access { READ_ONLY, READ_WRITE }

    private static final int S_IFMT = 0170000, S_IFDIR = 0040000, S_IFCHR = 0020000, S_IFREG = 0100000;

    private final Path path;
    private final DeviceKind kind;
    private final long size;
    private final long alignment;
    private final boolean readOnly;
    private final int fd;
    private final Arena arena;
    private final MemorySegment segment;

    private DaxDevice(Path path, DeviceKind kind, long size, long alignment, boolean readOnly, int fd, Arena arena,
            MemorySegment segment) {
        this.path = path;
        this.kind = kind;
        this.size = size;
        this.alignment = alignment;
        this.readOnly = readOnly;
        this.fd = fd;
        this.arena = arena;
        this.segment = readOnly ? segment.asReadOnly() : segment;
    }

    /** Opens {@code path} (a devdax device or a regular file), validated against this machine's sysfs. */
    public static DaxDevice open(Path path, Access access) throws IOException {
        return open(path, access, DaxSysfs.system());
    }

    /** Opens {@code path}; {@code sysfs} describes character devices. */
    public static DaxDevice open(Path path, Access access, DaxSysfs sysfs) throws IOException {
        Objects.requireNonNull(access, "access");
        Map<String, Object> attrs;
        try {
            attrs = Files.readAttributes(path, "unix:mode,rdev,size");
        } catch (NoSuchFileException e) {
            throw new DeviceException(Errno.ENOENT, path, "no such device");
        }
        int type = (Integer) attrs.get("mode") & S_IFMT;
        DeviceKind kind;
        long size;
        long align;
        switch (type) {
            case S_IFDIR -> throw new DeviceException(Errno.EISDIR, path, "device is a directory");
            case S_IFCHR -> {
                DaxSysfs.DaxInfo info = sysfs.probe(path, (Long) attrs.get("rdev"));
                kind = DeviceKind.DEVDAX;
                size = info.size();
                align = Math.max(info.align(), SIZE_MULTIPLE);
            }
            case S_IFREG -> {
                kind = DeviceKind.EMULATED;
                size = (Long) attrs.get("size");
                align = Math.max(EmulatedDevices.hugePageSize(path), SIZE_MULTIPLE);
            }
            default -> throw new DeviceException(Errno.ENODEV, path, "not a dax device or regular file",
                    "mode=0%o".formatted(type));
        }
        checkSize(path, size, align);
        return map(path, kind, size, align, access == Access.READ_ONLY);
    }

    static void checkSize(Path path, long size, long align) throws DeviceException {
        if (size < MIN_SIZE) {
            throw new DeviceException(Errno.EINVAL, path, "device too small", "size=%d min=%d".formatted(size,
                    MIN_SIZE));
        }
        if (size % align != 0) {
            throw new DeviceException(Errno.EINVAL, path, "device size is not a multiple of its alignment",
                    "size=%d align=%d".formatted(size, align));
        }
    }

    private static DaxDevice map(Path path, DeviceKind kind, long size, long align, boolean readOnly)
            throws ErrnoException {
        int fd = Posix.open(path.toString(), readOnly ? Posix.O_RDONLY : Posix.O_RDWR, 0);
        try {
            int prot = Posix.PROT_READ | (readOnly ? 0 : Posix.PROT_WRITE);
            MemorySegment raw = Posix.mmap(MemorySegment.NULL, size, prot, Posix.MAP_SHARED, fd, 0, path.toString());
            Arena arena = Arena.ofShared();
            MemorySegment whole = raw.reinterpret(size, arena, s -> unmapQuietly(s.address(), size));
            return new DaxDevice(path, kind, size, align, readOnly, fd, arena, whole);
        } catch (ErrnoException | RuntimeException e) {
            Posix.closeQuietly(fd);
            throw e;
        }
    }

    /**
     * Maps {@code size} bytes of anonymous shared memory as a device named {@code name}: for tests
     * and dry runs. Pages are allocated on first touch ({@code MAP_NORESERVE}), so a large size is cheap.
     */
    public static DaxDevice inMemory(String name, long size) throws ErrnoException {
        checkSize(Path.of(name), size, SIZE_MULTIPLE);
        MemorySegment raw = Posix.mmap(MemorySegment.NULL, size, Posix.PROT_READ | Posix.PROT_WRITE,
                Posix.MAP_SHARED | Posix.MAP_ANONYMOUS | Posix.MAP_NORESERVE, -1, 0, name);
        Arena arena = Arena.ofShared();
        MemorySegment whole = raw.reinterpret(size, arena, s -> unmapQuietly(s.address(), size));
        return new DaxDevice(Path.of(name), DeviceKind.MEMORY, size, SIZE_MULTIPLE, false, -1, arena, whole);
    }

    private static void unmapQuietly(long address, long size) {
        try {
            Posix.munmap(MemorySegment.ofAddress(address), size);
        } catch (ErrnoException e) {
            // Nothing can be done at close; the address range leaks until exit.
        }
    }

    /** Returns the whole device; valid until {@link #close()}. */
    public MemorySegment segment() {
        return segment;
    }

    /** Returns {@code length} bytes at device offset {@code devOffset}; valid until {@link #close()}. */
    public MemorySegment slice(long devOffset, long length) {
        return segment.asSlice(devOffset, length);
    }

    public long size() {
        return size;
    }

    public Path path() {
        return path;
    }

    public DeviceKind kind() {
        return kind;
    }

    /** Returns the mapping granule: 2 MiB, or more for a devdax {@code align} or a hugetlbfs page. */
    public long alignment() {
        return alignment;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Returns the open descriptor of the device (for {@code flock}), or -1 for an in-memory device. */
    public int fd() {
        return fd;
    }

    /**
     * Makes stores to {@code [devOffset, devOffset+length)} durable and visible, as far as Java can:
     * <ul>
     * <li>EMULATED: {@code msync(MS_SYNC)} of the covering pages. On tmpfs and hugetlbfs other mappers
     * share the same pages, so this is cheap; on a disk file it writes them back.</li>
     * <li>DEVDAX: a full fence only. The mapping is the memory itself (no page cache, nothing to write
     * back), and {@code msync(MS_SYNC)} would reach {@code vfs_fsync_range}, which fails with EINVAL
     * because device-dax has no {@code ->fsync} (read from the kernel source, not run on a devdax
     * device here). The reference also
     * writes CPU cache lines back ({@code flush_processor_cache}: clflush); pure Java cannot issue
     * clflush/clwb, so on memory that is not cache-coherent between hosts other hosts may read stale
     * lines until they are evicted.</li>
     * <li>MEMORY: a full fence.</li>
     * </ul>
     * The fence orders these stores before any later store (such as the log index that publishes them).
     */
    public void flush(long devOffset, long length) throws ErrnoException {
        Objects.checkFromIndexSize(devOffset, length, size);
        VarHandle.fullFence();
        if (kind != DeviceKind.EMULATED || length == 0 || readOnly) {
            return;
        }
        long start = devOffset & -PAGE_SIZE;
        Posix.msync(segment.asSlice(start, devOffset + length - start), devOffset + length - start, Posix.MS_SYNC);
    }

    /**
     * Unmaps the device and closes its descriptor; slices handed out become invalid. Stop every user
     * first: while a native call (e.g. a {@code writev} whose iovec points into the device) holds the
     * segment, the arena refuses to close with {@link IllegalStateException} and nothing is unmapped.
     */
    @Override
    public synchronized void close() {
        if (arena.scope().isAlive()) {
            arena.close();
            Posix.closeQuietly(fd);
        }
    }

    @Override
    public String toString() {
        return "DaxDevice[path=%s kind=%s size=%d%s]".formatted(path, kind, size, readOnly ? " ro" : "");
    }
}
