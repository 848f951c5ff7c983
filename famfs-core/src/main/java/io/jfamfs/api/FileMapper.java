package io.jfamfs.api;

import io.jfamfs.device.DaxDevice;
import io.jfamfs.ns.FileNode;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.sys.Posix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a file as one contiguous segment. One extent: a slice of the device segment. Several
 * extents or an interleaved file: reserve an address range ({@code PROT_NONE}, anonymous), then
 * map each device-contiguous run of the file over it with {@code mmap(MAP_FIXED|MAP_SHARED)} of the
 * device fd at the run's device offset. The reserved range is aligned to the device alignment
 * because devdax refuses mappings that are not.
 */
final class FileMapper {
    /** Mappings a process keeps for everything else (JVM, libraries, heap). */
    private static final long MAP_COUNT_HEADROOM = 1024;

    private FileMapper() {
    }

    record Run(long fileOffset, long devOffset, long length) {
    }

    /** Returns the file's device-contiguous runs over its whole allocated space, adjacent ones merged. */
    static List<Run> runs(FileNode f) {
        List<Run> runs = new ArrayList<>();
        try {
            FileLayout.forEachRun(f.fmap(), 0, FileLayout.capacity(f.fmap()), (fo, dev, len) -> {
                if (!runs.isEmpty()) {
                    Run last = runs.getLast();
                    if (last.devOffset() + last.length() == dev) {
                        runs.set(runs.size() - 1, new Run(last.fileOffset(), last.devOffset(), last.length() + len));
                        return;
                    }
                }
                runs.add(new Run(fo, dev, len));
            });
        } catch (IOException e) {
            throw new IllegalStateException(e); // the sink above throws nothing
        }
        return runs;
    }

    /** Maps {@code f}; stitched mappings are unmapped when {@code arena} closes. */
    static MemorySegment map(DaxDevice device, FileNode f, Arena arena) throws ErrnoException {
        List<Run> runs = runs(f);
        if (runs.size() == 1) {
            return device.slice(runs.getFirst().devOffset(), f.size());
        }
        if (device.fd() < 0) {
            throw new ErrnoException(Errno.EOPNOTSUPP, "cannot stitch %s (%d extents): device %s has no file to map"
                    .formatted(f.relpath(), runs.size(), device.path()));
        }
        checkMapCount(f, runs.size());
        long align = device.alignment();
        long total = FileLayout.capacity(f.fmap());
        for (Run r : runs) {
            if (r.devOffset() % align != 0 || r.length() % align != 0) {
                throw new ErrnoException(Errno.EINVAL, "cannot stitch %s: run at device 0x%x (+0x%x) is not aligned to the device alignment 0x%x"
                        .formatted(f.relpath(), r.devOffset(), r.length(), align));
            }
        }
        long base = reserve(total, align, f.relpath());
        int prot = device.readOnly() ? Posix.PROT_READ : Posix.PROT_READ | Posix.PROT_WRITE;
        try {
            for (Run r : runs) {
                Posix.mmap(MemorySegment.ofAddress(base + r.fileOffset()), r.length(), prot,
                        Posix.MAP_SHARED | Posix.MAP_FIXED, device.fd(), r.devOffset(), device.path().toString());
            }
        } catch (ErrnoException e) {
            unmapQuietly(base, total);
            if (e.is(Errno.ENOMEM)) {
                throw new ErrnoException(Errno.ENOMEM, e.getMessage() + "; %s needs %d mappings: raise vm.max_map_count"
                        .formatted(f.relpath(), runs.size()));
            }
            throw e;
        }
        return MemorySegment.ofAddress(base).reinterpret(total, arena, s -> unmapQuietly(base, total)).asSlice(0, f.size());
    }

    /** Reserves {@code total} bytes of address space aligned to {@code align}; returns the address. */
    private static long reserve(long total, long align, String what) throws ErrnoException {
        MemorySegment raw = Posix.mmap(MemorySegment.NULL, total + align, Posix.PROT_NONE,
                Posix.MAP_PRIVATE | Posix.MAP_ANONYMOUS | Posix.MAP_NORESERVE, -1, 0, "reservation for " + what);
        long start = raw.address();
        long aligned = (start + align - 1) & -align;
        if (aligned > start) {
            Posix.munmap(MemorySegment.ofAddress(start), aligned - start);
        }
        long tail = start + total + align - (aligned + total);
        if (tail > 0) {
            Posix.munmap(MemorySegment.ofAddress(aligned + total), tail);
        }
        return aligned;
    }

    private static void unmapQuietly(long address, long length) {
        try {
            Posix.munmap(MemorySegment.ofAddress(address), length);
        } catch (ErrnoException e) {
            // nothing to do: the address range stays reserved until exit
        }
    }

    /** Refuses up front when the mappings would exceed {@code vm.max_map_count}. */
    private static void checkMapCount(FileNode f, int needed) throws ErrnoException {
        if (needed < 1000) {
            return; // far below any sane limit; skip reading /proc
        }
        long max = readLong(Path.of("/proc/sys/vm/max_map_count"), 65530);
        long inUse = countLines(Path.of("/proc/self/maps"));
        if (inUse + needed + MAP_COUNT_HEADROOM > max) {
            throw new ErrnoException(Errno.ENOMEM, ("%s needs %d mappings (one per device-contiguous run, e.g. per chunk of an "
                    + "interleaved file) and this process already has %d of vm.max_map_count=%d: raise it "
                    + "(sysctl -w vm.max_map_count=%d) or read the file through FamfsFile.forEachDeviceRange")
                    .formatted(f.relpath(), needed, inUse, max, Math.max(2 * max, inUse + needed + MAP_COUNT_HEADROOM)));
        }
    }

    private static long readLong(Path p, long fallback) {
        try {
            return Long.parseLong(Files.readString(p).trim());
        } catch (IOException | NumberFormatException e) {
            return fallback;
        }
    }

    private static long countLines(Path p) {
        try (var lines = Files.lines(p)) {
            return lines.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
