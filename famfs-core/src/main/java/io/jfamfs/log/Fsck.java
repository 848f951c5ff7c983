package io.jfamfs.log;

import io.jfamfs.alloc.AllocationBitmap;
import io.jfamfs.alloc.Geometry;
import io.jfamfs.ns.Namespace;
import io.jfamfs.ns.Rejection;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.Superblock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds an {@link FsckReport} ({@code famfs_fsck_scan}): every slot up to {@code next_index} is
 * decoded and checked. Unlike replay, fsck goes past a bad entry (as the reference's bitmap build
 * does) so that it can report all of them; the namespace it counts is built from the good entries.
 * Collisions are counted on a separate, reference-style bitmap that marks every CRC-valid FILE
 * entry, so that overlapping files show up even though the strict namespace rejects the second one.
 */
public final class Fsck {
    private Fsck() {
    }

    /** Scans the log read through {@code reader}; the superblock and header are already decoded. */
    public static FsckReport scan(Superblock superblock, LogHeader header, Geometry geometry, EntryReader reader) {
        List<Problem> errors = new ArrayList<>();
        if (header.magic() != io.jfamfs.omf.OmfConstants.LOG_MAGIC) {
            errors.add(new Problem(-1, "bad log magic: magic=0x%x; no entries scanned".formatted(header.magic())));
            Namespace empty = new Namespace(geometry);
            return new FsckReport(superblock, header, List.of(), 0, 0, 0, empty.freeBytes(), errors, 0, 0, -1);
        }
        if (!header.crcOk()) {
            errors.add(new Problem(-1, "log header crc mismatch: stored=0x%x".formatted(header.crc())));
        }
        long to = Replay.clampedNextIndex(header, errors);
        if (header.nextSeqnum() != header.nextIndex()) {
            errors.add(new Problem(-1, "log header next_seqnum %d differs from next_index %d"
                    .formatted(header.nextSeqnum(), header.nextIndex())));
        }
        Namespace ns = new Namespace(geometry);
        AllocationBitmap referenceBitmap = new AllocationBitmap(geometry);
        List<FsckEntry> entries = new ArrayList<>((int) Math.min(to, 1 << 16));
        long bad = 0;
        long stop = -1;
        for (long i = 0; i < to; i++) {
            LogEntry e;
            try {
                e = reader.read(i);
            } catch (IOException ex) {
                bad++;
                stop = stop < 0 ? i : stop;
                errors.add(new Problem(i, ex.getMessage()));
                entries.add(new FsckEntry(i, -1, FsckEntry.Type.BAD, -1, null, 0, 0, 0, 0, null, false, ex.getMessage(), null));
                continue;
            }
            if (e instanceof LogEntry.FileEntry f) {
                referenceBitmap.mark(f.fmap());
            }
            Optional<Rejection> r = ns.apply(i, e);
            long index = i;
            r.ifPresent(rej -> errors.add(new Problem(index, rej.reason())));
            entries.add(describe(i, e, r.map(Rejection::reason).orElse(null)));
        }
        return new FsckReport(superblock, header, entries, ns.fileCount(), ns.directoryCount(), ns.allocatedBytes(),
                ns.freeBytes(), errors, bad, referenceBitmap.collisions(), stop);
    }

    private static FsckEntry describe(long i, LogEntry e, String problem) {
        boolean valid = problem == null;
        return switch (e) {
            case LogEntry.FileEntry f -> new FsckEntry(i, f.seqnum(), FsckEntry.Type.FILE, 0, f.relpath().toString(),
                    f.size(), f.mode(), f.uid(), f.gid(), f.fmap(), valid, problem, e);
            case LogEntry.MkdirEntry d -> new FsckEntry(i, d.seqnum(), FsckEntry.Type.MKDIR, 1, d.relpath().toString(),
                    0, d.mode(), d.uid(), d.gid(), null, valid, problem, e);
            case LogEntry.AddDaxdevEntry a -> new FsckEntry(i, a.seqnum(), FsckEntry.Type.ADD_DAXDEV, 3, null, a.size(),
                    0, 0, 0, null, valid, problem, e);
            case LogEntry.OtherEntry o -> new FsckEntry(i, o.seqnum(), FsckEntry.Type.OTHER, o.type(), null, 0, 0, 0, 0,
                    null, valid, problem, e);
        };
    }
}
