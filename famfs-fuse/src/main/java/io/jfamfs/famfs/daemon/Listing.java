package io.jfamfs.famfs.daemon;

import io.jfamfs.fuse.kernel.Attr;
import io.jfamfs.fuse.kernel.Dirents;
import io.jfamfs.fuse.kernel.EntryOut;
import io.jfamfs.ns.Node;
import io.jfamfs.sys.ErrnoException;
import java.time.Duration;

/**
 * One READDIR(PLUS) answer. Entry k of the listing ("." , "..", then {@code .meta} at the root or the
 * meta files in {@code .meta}, then the children in log order) has cookie k + 1. Children are
 * append-only, so a cookie stays valid while other hosts add entries.
 */
final class Listing {
    private static final EntryOut NO_ENTRY = new EntryOut(0, 0, Duration.ZERO, Duration.ZERO,
            new Attr(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    private final FamfsFileSystem fs;
    private final long dirId;
    private final Dirents out;
    private long k;

    Listing(FamfsFileSystem fs, long dirId, Dirents out) {
        this.fs = fs;
        this.dirId = dirId;
        this.out = out;
    }

    void fill(long offset) throws ErrnoException {
        if (!add(offset, dirId, 4, ".", NO_ENTRY) || !add(offset, parentId(), 4, "..", NO_ENTRY)) {
            return;
        }
        MetaFiles meta = fs.meta();
        if (dirId == MetaFiles.DIR_ID) {
            for (MetaFiles.Meta m : meta.files()) {
                EntryOut e = new EntryOut(m.id(), 0, fs.timeout(), fs.timeout(), meta.attr(m, fs.epoch()));
                if (!add(offset, m.id(), 8, m.name(), e)) {
                    return;
                }
            }
            return;
        }
        if (dirId == Node.ROOT_ID) {
            EntryOut e = new EntryOut(MetaFiles.DIR_ID, 0, fs.timeout(), fs.timeout(), meta.dirAttr(fs.epoch()));
            if (!add(offset, MetaFiles.DIR_ID, 4, MetaFiles.DIR_NAME, e)) {
                return;
            }
        }
        for (Node n : fs.children(dirId)) {
            if (dirId == Node.ROOT_ID && n.name().equals(MetaFiles.DIR_NAME)) {
                continue; // hidden behind the virtual .meta
            }
            if (k + 1 <= offset) { // already sent: skip without building its attributes
                k++;
                continue;
            }
            if (!add(offset, n.id(), Attributes.direntType(n), n.name(), out.plus() ? fs.entryFor(n) : null)) {
                return;
            }
        }
    }

    private long parentId() throws ErrnoException {
        return dirId == MetaFiles.DIR_ID ? Node.ROOT_ID : fs.dirParent(dirId);
    }

    /** Adds entry number k if it comes after {@code offset}; returns false once the buffer is full. */
    private boolean add(long offset, long ino, int type, String name, EntryOut entry) {
        k++;
        if (k <= offset) {
            return true;
        }
        return out.add(ino, type, name, k, entry);
    }
}
