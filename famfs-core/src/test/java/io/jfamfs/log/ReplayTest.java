package io.jfamfs.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.ns.Namespace;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.RelPathBytes;
import io.jfamfs.omf.SimpleExtent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
    static final long MiB = 1L << 20, GiB = 1L << 30;
    static final Geometry G = Geometry.of(8 * GiB, 2 * MiB, 8 * MiB);
    final List<LogEntry> log = new ArrayList<>();
    long badSlot = -1;

    EntryReader reader() {
        return i -> {
            if (i == badSlot) {
                throw new IOException("bad crc: index=%d stored=0x1 computed=0x2".formatted(i));
            }
            return log.get((int) i);
        };
    }

    LogHeader header() {
        return new LogHeader(0xbadcafef00dL, 8 * MiB, 15419, 0, log.size(), log.size(), true);
    }

    void dir(String p) {
        log.add(new LogEntry.MkdirEntry(log.size(), 0, 0, 0755, RelPathBytes.of(p)));
    }

    void file(String p, long off) {
        log.add(new LogEntry.FileEntry(log.size(), MiB, 2, 0, 0, 0644, RelPathBytes.of(p),
                new Fmap.Simple(List.of(new SimpleExtent(0, off, 2 * MiB)))));
    }

    @Test
    void shouldStopAtABadEntryKeepingTheOnesBefore() {
        dir("a");
        file("a/x", 10 * MiB);
        file("b", 12 * MiB);
        badSlot = 1;
        Replay.Result r = Replay.replay(G, header(), reader());
        assertThat(r.namespace().find("a")).isPresent();
        assertThat(r.namespace().find("b")).isEmpty();
        assertThat(r.nextIndex()).isEqualTo(1);
        assertThat(r.complete()).isFalse();
        assertThat(r.problems()).containsExactly(new Problem(1, "bad crc: index=1 stored=0x1 computed=0x2; replay stops here"));
    }

    @Test
    void shouldSkipRejectedEntriesAndGoOn() {
        dir("a");
        file("a/x", 10 * MiB);
        file("a/y", 10 * MiB); // overlaps a/x
        file("b", 12 * MiB);
        Replay.Result r = Replay.replay(G, header(), reader());
        assertThat(r.problems()).extracting(Problem::index).containsExactly(2L);
        assertThat(r.namespace().find("b").orElseThrow().id()).isEqualTo(5);
        assertThat(r.complete()).isTrue();
    }

    @Test
    void shouldReplayIncrementallyToTheSameNamespace() {
        Namespace ns = new Namespace(G);
        long next = 0;
        for (int i = 0; i < 10; i++) {
            dir("d" + i);
            file("d" + i + "/f", (10 + 2 * i) * MiB);
            Replay.Step s = Replay.apply(ns, reader(), next, log.size());
            assertThat(s.problems()).isEmpty();
            next = s.nextIndex();
        }
        Namespace full = Replay.replay(G, header(), reader()).namespace();
        assertThat(ns.fileCount()).isEqualTo(full.fileCount()).isEqualTo(10);
        assertThat(ns.find("d9/f")).isEqualTo(full.find("d9/f"));
    }

    @Test
    void shouldReportEverythingInFsck() {
        dir("a");
        file("a/x", 10 * MiB);
        file("a/y", 10 * MiB);
        file("b", 12 * MiB);
        log.add(new LogEntry.OtherEntry(4, 2));
        badSlot = 3;
        FsckReport f = Fsck.scan(null, header(), G, reader());
        assertThat(f.files()).isEqualTo(1);
        assertThat(f.directories()).isEqualTo(1);
        assertThat(f.badEntries()).isEqualTo(1);
        assertThat(f.replayStopIndex()).isEqualTo(3);
        assertThat(f.collisions()).isEqualTo(1);
        assertThat(f.allocatedBytes()).isEqualTo(2 * MiB);
        assertThat(f.entries()).extracting(FsckEntry::type).containsExactly(FsckEntry.Type.MKDIR,
                FsckEntry.Type.FILE, FsckEntry.Type.FILE, FsckEntry.Type.BAD, FsckEntry.Type.OTHER);
        assertThat(f.errors()).extracting(Problem::index).containsExactly(2L, 3L);
        assertThat(f.clean()).isFalse();
    }
}
