package io.jfamfs.famfs.daemon;

import io.jfamfs.api.Famfs;
import io.jfamfs.fuse.kernel.Attr;
import io.jfamfs.fuse.kernel.DaxFmap;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.util.List;

/**
 * Turns namespace nodes into what stat(2) shows and GET_FMAP sends. famfs logs no times, so every
 * node shows the mount time; {@code st_blocks} counts the whole allocation units a file holds.
 */
final class Attributes {
    /** st_blksize: the I/O size hint; 1 MiB makes cat/cp issue max_write-sized requests. */
    static final int BLKSIZE = 1 << 20;

    private final Famfs fs;
    private final long epoch;

    Attributes(Famfs fs, long epoch) {
        this.fs = fs;
        this.epoch = epoch;
    }

    Attr of(Node n) {
        return switch (n) {
            case DirNode d -> new Attr(d.id(), 0, 0, epoch, 0, epoch, 0, epoch, 0, Attr.S_IFDIR | d.mode(), 2,
                    d.uid(), d.gid(), 0, BLKSIZE, 0);
            case FileNode f -> {
                var file = fs.file(f);
                yield new Attr(f.id(), f.size(), file.allocatedSize() / 512, epoch, 0, epoch, 0, epoch, 0,
                        Attr.S_IFREG | file.effectiveMode(), 1, f.uid(), f.gid(), 0, BLKSIZE, 0);
            }
        };
    }

    /** Returns the dirent type: DT_DIR 4 or DT_REG 8. */
    static int direntType(Node n) {
        return n instanceof DirNode ? 4 : 8;
    }

    /** Maps a file's omf fmap to the plain values of a GET_FMAP reply. */
    static DaxFmap fmap(FileNode f) {
        DaxFmap.Layout layout = switch (f.fmap()) {
            case Fmap.Simple s -> new DaxFmap.Simple(extents(s.extents()));
            case Fmap.Interleaved i -> new DaxFmap.Interleaved(
                    List.of(new DaxFmap.Stripes(i.chunkSize(), f.size(), extents(i.strips()))));
        };
        return new DaxFmap(DaxFmap.FILE_REG, f.size(), layout);
    }

    private static List<DaxFmap.Extent> extents(List<SimpleExtent> in) {
        return in.stream().map(e -> new DaxFmap.Extent(e.devIndex(), e.offset(), e.length())).toList();
    }
}
