package io.jfamfs.api;

import io.jfamfs.alloc.AllocationBitmap;
import io.jfamfs.ns.FileNode;
import io.jfamfs.omf.Fmap;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;

/**
 * One famfs file of an open {@link Famfs}: fixed size, pre-allocated device memory. Immutable;
 * valid while its {@code Famfs} is open.
 */
public final class FamfsFile {
    private final Famfs fs;
    private final FileNode node;

    FamfsFile(Famfs fs, FileNode node) {
        this.fs = fs;
        this.node = node;
    }

    /** Returns the namespace node (id, parent, entry index, attributes, fmap). */
    public FileNode node() {
        return node;
    }

    /** Returns the stable node id (the FUSE inode number). */
    public long id() {
        return node.id();
    }

    /** Returns the path relative to the mount point. */
    public String relpath() {
        return node.relpath();
    }

    /** Returns the file size in bytes (files never grow or shrink). */
    public long size() {
        return node.size();
    }

    /** Returns the permission bits as logged. */
    public int mode() {
        return node.mode();
    }

    /**
     * Returns the permission bits this host should show: as logged on the master, without the write
     * bits on a client (as the reference's logplay creates client files).
     */
    public int effectiveMode() {
        return fs.role() == Role.MASTER ? node.mode() : node.mode() & ~0222;
    }

    public int uid() {
        return node.uid();
    }

    public int gid() {
        return node.gid();
    }

    /** Returns the device memory the file occupies: simple extents or one interleaved extent. */
    public Fmap fmap() {
        return node.fmap();
    }

    /** Returns the bytes allocated to the file (whole allocation units; at least {@link #size()}). */
    public long allocatedSize() {
        return FileLayout.capacity(node.fmap());
    }

    /** Returns how many {@code mmap}s {@link #map()} needs: 1 for one extent, else one per device-contiguous run. */
    public int mappingCount() {
        return FileMapper.runs(node).size();
    }

    /**
     * Returns the file's bytes as one contiguous segment of {@link #size()} bytes: the device memory
     * itself, so stores are visible to every host that maps it. Repeated calls return the same
     * mapping; it stays valid until the {@code Famfs} is closed. Throws ENOMEM naming
     * {@code vm.max_map_count} when an interleaved file needs more mappings than the process may have.
     */
    public MemorySegment map() throws ErrnoException {
        return fs.mapCached(node);
    }

    /**
     * Maps the file as {@link #map()} does, but stitched mappings are released when {@code arena}
     * closes (a single-extent file is a device slice and needs no release). The segment is valid while
     * both the arena and the {@code Famfs} are open.
     */
    public MemorySegment map(Arena arena) throws ErrnoException {
        Objects.requireNonNull(arena, "arena");
        return FileMapper.map(fs.device(), node, arena);
    }

    /**
     * Returns one device slice per simple extent, or per strip of an interleaved file (strip {@code s}
     * holds chunks {@code s, s + nstrips, ...}): no extra mappings, so it works for files too large to
     * {@link #map()} under {@code vm.max_map_count}. Slices cover allocated space, not just {@link #size()}.
     */
    public List<MemorySegment> extentSegments() {
        var device = fs.device();
        return AllocationBitmap.extents(node.fmap()).stream()
                .map(e -> device.slice(e.offset(), e.length())).toList();
    }

    /**
     * Calls {@code consumer} with device segment slices that hold file bytes {@code [fileOffset,
     * fileOffset+length)} clipped to the file size, in file order: zero-copy for a FUSE daemon's
     * {@code writev} or for reading an interleaved file without stitching it. Returns the bytes covered.
     */
    public long forEachDeviceRange(long fileOffset, long length, RangeConsumer consumer) throws IOException {
        if (fileOffset < 0 || length < 0) {
            throw new IllegalArgumentException("negative range: offset=%d length=%d".formatted(fileOffset, length));
        }
        long end = Math.min(node.size(), fileOffset + Math.min(length, Long.MAX_VALUE - fileOffset));
        if (fileOffset >= end) {
            return 0;
        }
        var device = fs.device();
        FileLayout.forEachRun(node.fmap(), fileOffset, end - fileOffset,
                (fo, dev, len) -> consumer.accept(fo, device.slice(dev, len)));
        return end - fileOffset;
    }

    /**
     * Makes this host's stores to file bytes {@code [fileOffset, fileOffset+length)} (clipped to the
     * size) visible to other hosts, as far as the device allows (see {@code DaxDevice.flush}): what
     * {@code famfs flush} does for a file.
     */
    public void flush(long fileOffset, long length) throws IOException {
        var device = fs.device();
        long end = Math.min(node.size(), fileOffset + Math.min(length, Long.MAX_VALUE - fileOffset));
        if (fileOffset < end) {
            FileLayout.forEachRun(node.fmap(), fileOffset, end - fileOffset, (fo, dev, len) -> device.flush(dev, len));
        }
    }

    /** Flushes the whole file ({@link #flush(long, long)}). */
    public void flush() throws IOException {
        flush(0, node.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FamfsFile f && f.fs == fs && f.node.equals(node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return "FamfsFile[%s id=%d size=%d mode=0%o]".formatted(node.relpath(), node.id(), node.size(), node.mode());
    }
}
