package io.jfamfs.famfs.daemon;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.fuse.kernel.OpenOut;
import io.jfamfs.fuse.session.ReadReply;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * File bytes, straight between the kernel's request/reply and the device segment: a READ answer is a
 * list of device slices the session hands to writev; a WRITE copies the request buffer into the
 * device. Never past the file size: files do not grow (EFBIG), and reads stop at the end.
 */
final class FileData {
    private static final int O_ACCMODE = 3, O_RDONLY = 0;

    private final Famfs fs;
    private final MetaFiles meta;
    private final long epoch;
    private final boolean readOnly;

    FileData(Famfs fs, MetaFiles meta, long epoch, boolean readOnly) {
        this.fs = fs;
        this.meta = meta;
        this.epoch = epoch;
        this.readOnly = readOnly;
    }

    long epoch() {
        return epoch;
    }

    private FamfsFile file(long id) throws ErrnoException {
        return fs.file(id).orElseThrow(() -> new ErrnoException(Errno.EISDIR, "not a file: node " + id));
    }

    OpenOut open(long id, int flags, CacheMode mode) throws ErrnoException {
        boolean writing = (flags & O_ACCMODE) != O_RDONLY;
        if (MetaFiles.isMeta(id)) {
            meta.file(id).orElseThrow(() -> new ErrnoException(Errno.EISDIR, ".meta"));
            if (writing) {
                throw new ErrnoException(Errno.EPERM, ".meta files are read-only through the mount");
            }
            return new OpenOut(0, OpenOut.FOPEN_DIRECT_IO);
        }
        file(id);
        if (writing && readOnly) {
            throw new ErrnoException(Errno.EROFS, "mounted read-only");
        }
        return new OpenOut(0, mode.openFlags());
    }

    ReadReply read(long id, long offset, int size) throws ErrnoException {
        if (offset < 0) {
            throw new ErrnoException(Errno.EINVAL, "negative offset");
        }
        if (MetaFiles.isMeta(id)) {
            MemorySegment m = meta.file(id).orElseThrow(() -> new ErrnoException(Errno.EISDIR, ".meta")).data();
            long n = Math.max(0, Math.min(size, m.byteSize() - offset));
            return n == 0 ? ReadReply.EMPTY : ReadReply.of(m.asSlice(offset, n));
        }
        FamfsFile f = file(id);
        List<MemorySegment> parts = new ArrayList<>(2);
        try {
            f.forEachDeviceRange(offset, Integer.toUnsignedLong(size), (fo, slice) -> parts.add(slice));
        } catch (IOException e) {
            throw asErrno(e, "read");
        }
        return parts.size() == 1 ? ReadReply.of(parts.getFirst()) : ReadReply.of(parts.toArray(MemorySegment[]::new));
    }

    int write(long id, long offset, MemorySegment bytes) throws ErrnoException {
        if (MetaFiles.isMeta(id)) {
            throw new ErrnoException(Errno.EPERM, ".meta files are read-only through the mount");
        }
        if (readOnly) {
            throw new ErrnoException(Errno.EROFS, "mounted read-only");
        }
        FamfsFile f = file(id);
        long len = bytes.byteSize();
        if (offset < 0 || len > 0 && offset >= f.size()) {
            throw new ErrnoException(Errno.EFBIG, "write at %d past the end of %s (size %d): famfs files never grow"
                    .formatted(offset, f.relpath(), f.size()));
        }
        try {
            // Writes that straddle the end are cut at it; the short count makes the caller's next write fail EFBIG.
            return (int) f.forEachDeviceRange(offset, len, (fo, slice) ->
                    MemorySegment.copy(bytes, fo - offset, slice, 0, slice.byteSize()));
        } catch (IOException e) {
            throw asErrno(e, "write");
        }
    }

    /** Flushes the file's device ranges (a cache flush on devdax, msync on an emulated device). */
    void sync(long id) throws ErrnoException {
        if (MetaFiles.isMeta(id)) {
            return;
        }
        try {
            file(id).flush();
        } catch (IOException e) {
            throw asErrno(e, "fsync");
        }
    }

    private static ErrnoException asErrno(IOException e, String op) {
        return e instanceof ErrnoException x ? x : new ErrnoException(Errno.EIO, op + ": " + e.getMessage());
    }
}
