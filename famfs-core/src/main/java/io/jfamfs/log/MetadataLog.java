package io.jfamfs.log;

import io.jfamfs.alloc.AllocationBitmap;
import io.jfamfs.alloc.Allocator;
import io.jfamfs.alloc.Geometry;
import io.jfamfs.alloc.InterleaveParams;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Namespace;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.LogEntryLayout;
import io.jfamfs.omf.LogEntryView;
import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.LogHeaderLayout;
import io.jfamfs.omf.LogHeaderView;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.RelPathBytes;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockView;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * The log of one open device: the namespace replayed from it, incremental refresh, appends and fsck.
 *
 * <p><b>Locking.</b> One {@link ReentrantLock} serializes refreshes and appends in this process;
 * appends also hold the {@link ProcessLock} (flock) so that other processes' appends are excluded.
 * Namespace readers take no lock (see {@link io.jfamfs.ns}).
 *
 * <p><b>Append order</b> ({@code famfs_append_log}, with one more flush), under both locks:
 * <ol>
 *   <li>check the superblock is still ours; re-read the header and replay what other processes
 *       appended since, so the namespace and the free space are current;</li>
 *   <li>refuse when the log is full ({@code next_index > last_index}: exactly {@code last_index+1}
 *       entries fit), then check the path and allocate;</li>
 *   <li>write the whole 544-byte entry into slot {@code next_index}: zero-filled, fields,
 *       {@code seqnum = index}, CRC last;</li>
 *   <li>flush the entry, so that no host can see the new index before the entry it points at
 *       (the reference flushes only once, at the end);</li>
 *   <li>{@code next_seqnum = index + 1}, then {@code next_index = index + 1}, behind a release fence:
 *       a reader never sees a half entry because the index moves last;</li>
 *   <li>flush the header;</li>
 *   <li>apply the entry to this process's namespace.</li>
 * </ol>
 * The seqnum written is the slot index, not {@code next_seqnum}: a writer that died between steps 5a
 * and 5b leaves {@code next_seqnum = next_index + 1}, and the reference would then write an entry
 * whose seqnum fails validation forever.
 */
public final class MetadataLog {
    private final MemorySegment device;
    private final MemorySegment log;
    private final Superblock superblock;
    private final Geometry geometry;
    private final Flusher flusher;
    private final ProcessLock processLock;
    private final String readOnlyReason;
    private final RandomGenerator random;
    private final Namespace namespace;
    private final EntryReader reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Problem> problems = new ArrayList<>();
    private volatile long position;
    /**
     * The allocator's bitmap, kept in step with the namespace (its own allocations are taken by the
     * allocator, other writers' files are marked as they are replayed) so that a session does not
     * copy a bitmap that has a bit per 2 MiB of a possibly huge device. Guarded by {@link #lock}.
     */
    private AllocationBitmap spaceMap;
    /** Fmaps of FILE entries the namespace rejected; the allocator avoids them too. Guarded by {@link #lock}. */
    private final List<Fmap> rejectedClaims = new ArrayList<>();

    private MetadataLog(MemorySegment device, Superblock sb, Geometry g, Flusher flusher, ProcessLock processLock,
            String readOnlyReason, RandomGenerator random) {
        this.device = device;
        this.superblock = sb;
        this.geometry = g;
        this.log = device.asSlice(OmfConstants.LOG_OFFSET, sb.logLength());
        this.flusher = flusher;
        this.processLock = processLock;
        this.readOnlyReason = readOnlyReason;
        this.random = random;
        this.namespace = new Namespace(g);
        this.reader = i -> LogEntryView.at(log, i).decode(i);
    }

    /**
     * Opens the log of {@code device} (the whole device segment) whose validated superblock is
     * {@code sb}, and replays it. {@code readOnlyReason} is null for the master, else the message
     * appends fail with (EROFS); {@code processLock} is used only by appends.
     */
    public static MetadataLog open(MemorySegment device, Superblock sb, Geometry geometry, Flusher flusher,
            ProcessLock processLock, String readOnlyReason, RandomGenerator random) throws ErrnoException {
        MetadataLog m = new MetadataLog(device, sb, geometry, flusher, processLock, readOnlyReason, random);
        m.lock.lock();
        try {
            m.catchUp(m.validHeader());
        } finally {
            m.lock.unlock();
        }
        return m;
    }

    public Namespace namespace() {
        return namespace;
    }

    public Superblock superblock() {
        return superblock;
    }

    public Geometry geometry() {
        return geometry;
    }

    /** Returns the first log slot not yet replayed into the namespace. */
    public long position() {
        return position;
    }

    /** Returns whether appends are allowed (this host is the master). */
    public boolean writable() {
        return readOnlyReason == null;
    }

    /** Returns the log header as it is on the device now (not validated). */
    public LogHeader header() {
        return new LogHeaderView(log).decode();
    }

    /** Returns the problems met so far (bad or rejected entries), oldest first. */
    public List<Problem> problems() {
        lock.lock();
        try {
            return List.copyOf(problems);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replays whatever was appended since the last call (by any host); returns the step. Throws
     * {@link SuperblockChangedException} when the device was re-formatted under us.
     */
    public Replay.Step refresh() throws ErrnoException {
        lock.lock();
        try {
            checkSuperblock();
            return catchUp(validHeader());
        } finally {
            lock.unlock();
        }
    }

    /** Builds the fsck report of the log as it is now. */
    public FsckReport fsck() {
        return Fsck.scan(superblock, header(), geometry, reader);
    }

    /** Work done inside one append session. */
    @FunctionalInterface
    public interface SessionWork<T> {
        T run(Session session) throws ErrnoException;
    }

    /**
     * Runs {@code work} holding the append locks, with one allocation session: first-fit for the
     * first file, next-fit after it, as one reference CLI command. Other writers wait meanwhile.
     */
    public <T> T session(SessionWork<T> work) throws ErrnoException {
        if (readOnlyReason != null) {
            throw new ErrnoException(Errno.EROFS, readOnlyReason);
        }
        lock.lock();
        try {
            processLock.lock();
            try {
                checkSuperblock();
                Replay.Step step = catchUp(validHeader());
                if (step.stopped()) {
                    // appending after a bad entry would publish entries no replay can reach
                    throw new ErrnoException(Errno.EIO, "log has a bad entry at index %d (%s); appends are refused, see fsck"
                            .formatted(step.nextIndex(), step.problems().getLast().message()));
                }
                if (spaceMap == null) {
                    spaceMap = namespace.spaceMapCopy();
                    rejectedClaims.forEach(spaceMap::mark);
                }
                try {
                    return work.run(new Session(new Allocator(spaceMap, random)));
                } catch (ErrnoException | RuntimeException e) {
                    spaceMap = null; // an append may have failed after its allocation: rebuild from the namespace
                    throw e;
                }
            } finally {
                processLock.unlock();
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (IOException e) {
            throw new ErrnoException(Errno.EIO, e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Creates one file in its own session (first-fit). */
    public FileNode create(String relpath, long size, int mode, int uid, int gid, InterleaveParams interleave)
            throws ErrnoException {
        return session(s -> s.create(relpath, size, mode, uid, gid, interleave));
    }

    /** Creates one directory. */
    public DirNode mkdir(String relpath, int mode, int uid, int gid) throws ErrnoException {
        return session(s -> s.mkdir(relpath, mode, uid, gid));
    }

    /** Appends within a {@link #session}; valid only inside it, on its thread. */
    public final class Session {
        private final Allocator allocator;

        private Session(Allocator allocator) {
            this.allocator = allocator;
        }

        public Namespace namespace() {
            return namespace;
        }

        /** Allocates and logs a file of {@code size} bytes; {@code interleave} null means contiguous. */
        public FileNode create(String relpath, long size, int mode, int uid, int gid, InterleaveParams interleave)
                throws ErrnoException {
            long index = requireFreeSlot();
            requireNewPath(relpath);
            if (size <= 0) {
                throw new ErrnoException(Errno.EINVAL, "file size must be positive: size=" + size + " for " + relpath);
            }
            Fmap fmap = allocator.allocate(size, interleave);
            append(index, new LogEntry.FileEntry(index, size, OmfConstants.FM_ALL_HOSTS_RW, uid, gid, mode,
                    RelPathBytes.of(relpath), fmap));
            return (FileNode) namespace.find(Node.idOf(index)).orElseThrow();
        }

        /** Logs a directory. */
        public DirNode mkdir(String relpath, int mode, int uid, int gid) throws ErrnoException {
            long index = requireFreeSlot();
            requireNewPath(relpath);
            append(index, new LogEntry.MkdirEntry(index, uid, gid, mode, RelPathBytes.of(relpath)));
            return (DirNode) namespace.find(Node.idOf(index)).orElseThrow();
        }

        /**
         * Logs {@code relpath} as a FILE entry with {@code source}'s size, attributes and extents: the
         * reference's {@code famfs clone}, a testing aid that cross-links the file system on purpose so
         * that fsck has something to find. Replay refuses the clone (its extents overlap the source).
         */
        public void cloneForTesting(String relpath, FileNode source) throws ErrnoException {
            long index = requireFreeSlot();
            requireNewPath(relpath);
            append(index, new LogEntry.FileEntry(index, source.size(), source.flags(), source.uid(), source.gid(),
                    source.mode(), RelPathBytes.of(relpath), source.fmap()));
        }

        /**
         * Logs an ADD_DAXDEV entry (omf 2.2) declaring daxdev {@code index}; famfs does not place
         * files on further devices yet, so this only records it.
         */
        public void addDaxdev(long size, java.util.UUID uuid, int index) throws ErrnoException {
            long slot = requireFreeSlot();
            var known = namespace.daxdevs();
            if (index != known.size() + 1 || known.stream().anyMatch(d -> d.uuid().equals(uuid))) {
                throw new ErrnoException(Errno.EINVAL, "add_daxdev: index must be %d and the uuid new: index=%d uuid=%s"
                        .formatted(known.size() + 1, index, uuid));
            }
            LogEntry.AddDaxdevEntry e = new LogEntry.AddDaxdevEntry(slot, size, uuid, index);
            append(slot, e);
        }

        private void requireNewPath(String relpath) throws ErrnoException {
            var r = namespace.checkNewPath(relpath);
            if (r.isPresent()) {
                throw r.get().toException();
            }
        }
    }

    private long requireFreeSlot() throws ErrnoException {
        LogHeader h = header();
        if (h.nextIndex() != position) {
            throw new ErrnoException(Errno.EIO, "log changed while locked: next_index=%d replayed=%d"
                    .formatted(h.nextIndex(), position));
        }
        if (position > h.lastIndex()) {
            throw new ErrnoException(Errno.ENOSPC, "log full: all %d entries are used (log length %d MiB)"
                    .formatted(h.lastIndex() + 1, h.length() >> 20));
        }
        return position;
    }

    private void append(long index, LogEntry entry) throws ErrnoException {
        long slotOffset = OmfConstants.LOG_OFFSET + LogHeaderLayout.entryOffset(index);
        LogEntryView.at(log, index).encode(entry);                                   // 3
        flush(slotOffset, LogEntryLayout.SIZE);                                        // 4
        LogHeaderView header = new LogHeaderView(log);
        VarHandle.releaseFence();
        header.setNextSeqnum(index + 1);                                             // 5
        VarHandle.releaseFence();
        header.setNextIndex(index + 1);
        flush(OmfConstants.LOG_OFFSET, LogHeaderLayout.SIZE);                        // 6
        var rejected = namespace.apply(index, entry);                                // 7
        rejected.ifPresent(r -> problems.add(new Problem(index, r.reason())));
        position = index + 1;
    }

    private void flush(long offset, long length) throws ErrnoException {
        try {
            flusher.flush(offset, length);
        } catch (ErrnoException e) {
            throw e;
        } catch (IOException e) {
            throw new ErrnoException(Errno.EIO, "flush device [0x%x, +0x%x): %s".formatted(offset, length, e.getMessage()));
        }
    }

    /** Replays {@code [position, next_index)}; the lock is held. */
    private Replay.Step catchUp(long nextIndex) {
        long from = position;
        Replay.Step step = Replay.apply(namespace, reader, from, nextIndex);
        for (Problem p : step.problems()) {
            // A FILE entry we reject still claims its extents in the eyes of whoever wrote it (and of
            // the reference's bitmap): never hand those units out again.
            if (p.index() < step.nextIndex()) {
                try {
                    if (reader.read(p.index()) instanceof LogEntry.FileEntry f) {
                        rejectedClaims.add(f.fmap());
                        if (spaceMap != null) {
                            spaceMap.mark(f.fmap());
                        }
                    }
                } catch (IOException e) {
                    // it decoded a moment ago; if it no longer does, the next refresh will say so
                }
            }
        }
        if (spaceMap != null) {
            for (long i = from; i < step.nextIndex(); i++) {
                if (namespace.find(Node.idOf(i)).orElse(null) instanceof FileNode f) {
                    spaceMap.mark(f.fmap());
                }
            }
        }
        for (Problem p : step.problems()) {
            if (!problems.contains(p)) {
                problems.add(p);
            }
        }
        position = step.nextIndex();
        return step;
    }

    /** Reads the header's next_index after checking magic, CRC and bounds; acquire-ordered before entry reads. */
    private long validHeader() throws ErrnoException {
        LogHeader h = header();
        VarHandle.acquireFence(); // entries read after this were published before next_index
        if (h.magic() != OmfConstants.LOG_MAGIC || !h.crcOk()) {
            throw new ErrnoException(Errno.EIO, "bad log header: magic=0x%x crc_ok=%b".formatted(h.magic(), h.crcOk()));
        }
        if (h.length() != superblock.logLength() || h.lastIndex() != LogHeaderLayout.lastIndexFor(h.length())) {
            throw new ErrnoException(Errno.EIO, "log header disagrees with the superblock: len=%d last_index=%d sb_log_len=%d"
                    .formatted(h.length(), h.lastIndex(), superblock.logLength()));
        }
        long next = h.nextIndex();
        if (next < 0 || next > h.lastIndex() + 1) {
            throw new ErrnoException(Errno.EIO, "log header next_index %d outside [0, %d]".formatted(next, h.lastIndex() + 1));
        }
        return next;
    }

    private void checkSuperblock() throws SuperblockChangedException {
        Superblock now = new SuperblockView(device.asSlice(0, io.jfamfs.omf.SuperblockLayout.SIZE)).decode();
        if (now.magic() != superblock.magic() || !now.crcOk() || !now.fsUuid().equals(superblock.fsUuid())) {
            throw new SuperblockChangedException(("superblock changed since open (re-formatted or destroyed): "
                    + "fs uuid was %s, now %s (magic=0x%x crc_ok=%b); reopen the device")
                    .formatted(superblock.fsUuid(), now.fsUuid(), now.magic(), now.crcOk()));
        }
    }
}
