package io.jfamfs.famfs.daemon;

import io.jfamfs.fuse.kernel.Attr;
import io.jfamfs.fuse.kernel.DaxFmap;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;

/**
 * The virtual {@code .meta} directory at the root: {@code .superblock} (the 2 MiB superblock region,
 * 0444) and {@code .log} (the log, 0644 on the master and 0444 on clients, as the reference shows
 * them). Both are read-only here: the log is only ever changed through the append protocol (a raw
 * write would bypass its lock and CRCs), so writes answer EPERM on every host.
 *
 * <p>Node ids sit at the top of the id space, far above the log-derived ids (entry index + 2), so
 * they never collide; a logged path named {@code .meta} at the root is hidden behind this one.
 */
final class MetaFiles {
    static final String DIR_NAME = io.jfamfs.ns.PathRules.META_DIR;
    static final long DIR_ID = Long.MAX_VALUE - 2, SUPERBLOCK_ID = Long.MAX_VALUE - 1, LOG_ID = Long.MAX_VALUE;

    /** One virtual file: its id, name, bytes on the device and mode. */
    record Meta(long id, String name, MemorySegment data, long devOffset, int mode, int fileType) {
    }

    private final Meta superblock;
    private final Meta log;

    MetaFiles(MemorySegment device, long logOffset, long logLength, boolean master) {
        this.superblock = new Meta(SUPERBLOCK_ID, ".superblock", device.asSlice(0, logOffset), 0, 0444,
                DaxFmap.FILE_SUPERBLOCK);
        this.log = new Meta(LOG_ID, ".log", device.asSlice(logOffset, logLength), logOffset, master ? 0644 : 0444,
                DaxFmap.FILE_LOG);
    }

    static boolean isMeta(long id) {
        return id >= DIR_ID;
    }

    /** Returns the virtual file with {@code id}. */
    Optional<Meta> file(long id) {
        return id == SUPERBLOCK_ID ? Optional.of(superblock) : id == LOG_ID ? Optional.of(log) : Optional.empty();
    }

    /** Returns the virtual file called {@code name} in {@code .meta}. */
    Optional<Meta> find(String name) {
        return files().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    List<Meta> files() {
        return List.of(superblock, log);
    }

    Attr dirAttr(long epoch) {
        return Attr.of(DIR_ID, Attr.S_IFDIR | 0755, 2, 0, 0, 0, epoch);
    }

    Attr attr(Meta m, long epoch) {
        return Attr.of(m.id(), Attr.S_IFREG | m.mode(), 1, m.data().byteSize(), 0, 0, epoch);
    }

    /** Returns the GET_FMAP answer: one simple extent over the region. */
    DaxFmap fmap(Meta m) {
        long size = m.data().byteSize();
        return new DaxFmap(m.fileType(), size, new DaxFmap.Simple(List.of(new DaxFmap.Extent(0, m.devOffset(), size))));
    }
}
