package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.device.DaxDevice;
import io.jfamfs.log.FlockLock;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.LogEntryLayout;
import io.jfamfs.omf.LogEntryView;
import io.jfamfs.omf.LogHeaderLayout;
import io.jfamfs.omf.LogHeaderView;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.RelPathBytes;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code famfs clone}: a testing aid that appends a FILE entry for DEST with SRC's extents, cross-linking
 * the file system on purpose so that {@code fsck} has something to find. famfs-core's api refuses to log
 * overlapping extents (rightly), so this appends the entry itself, in the api's publication order (entry
 * with CRC, flush, next_seqnum then next_index, flush) under the same {@code flock} as every appender.
 * TODO move into famfs-core as a test-only call (e.g. {@code Famfs.cloneForTesting}) and delete this.
 */
final class CloneOps {
    private CloneOps() {
    }

    static void clone(Path src, Path dest) throws IOException, CliException {
        Mounted.Location from = Mounted.require(src, 1);
        Mounted.Location to = Mounted.require(dest, 1);
        if (!from.mount().equals(to.mount())) {
            throw new CliException(18, "SRC and DEST are in different file systems (EXDEV)");
        }
        FileNode source;
        try (Famfs fs = Mounted.open(from.mount(), true)) {             // master only, as the reference
            Optional<Node> n = fs.namespace().find(from.relpath());
            if (n.isEmpty() || !(n.get() instanceof FileNode f)) {
                throw new CliException(1, "not a famfs file: " + src);
            }
            source = f;
            var problem = fs.namespace().checkNewPath(to.relpath());
            if (problem.isPresent()) {
                throw new CliException(1, "cannot clone to " + dest + ": " + problem.get().reason());
            }
        }
        Path device = from.mount().device();
        try (FlockLock lock = new FlockLock(device); DaxDevice dev = DaxDevice.open(device, DaxDevice.Access.READ_WRITE)) {
            lock.lock();
            try {
                append(dev, new LogEntry.FileEntry(0, source.size(), source.flags(), source.uid(), source.gid(),
                        source.mode(), RelPathBytes.of(to.relpath()), source.fmap()));
            } finally {
                lock.unlock();
            }
        }
    }

    private static void append(DaxDevice dev, LogEntry.FileEntry template) throws IOException, CliException {
        MemorySegment log = dev.slice(OmfConstants.LOG_OFFSET, dev.size() - OmfConstants.LOG_OFFSET);
        LogHeaderView header = new LogHeaderView(log);
        long index = header.nextIndex();
        if (index > header.lastIndex()) {
            throw new CliException(28, "log full: no slot for the clone (ENOSPC)");
        }
        LogEntry.FileEntry e = new LogEntry.FileEntry(index, template.size(), template.flags(), template.uid(),
                template.gid(), template.mode(), template.relpath(), template.fmap());
        LogEntryView.at(log, index).encode(e);
        dev.flush(OmfConstants.LOG_OFFSET + LogHeaderLayout.entryOffset(index), LogEntryLayout.SIZE);
        VarHandle.releaseFence();
        header.setNextSeqnum(index + 1);
        VarHandle.releaseFence();
        header.setNextIndex(index + 1);
        dev.flush(OmfConstants.LOG_OFFSET, LogHeaderLayout.SIZE);
    }
}
