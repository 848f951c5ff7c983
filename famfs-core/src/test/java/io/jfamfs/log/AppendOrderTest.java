package io.jfamfs.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.LogEntryView;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockLayout;
import io.jfamfs.omf.SuperblockView;
import io.jfamfs.testing.GoldenImages;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Snapshots the device at every flush of an append (a recording device) and replays each snapshot:
 * the entry must be complete before the header publishes it, and each snapshot must replay to
 * either the namespace before the append or the one after it.
 */
class AppendOrderTest {
    record Snapshot(long offset, long length, MemorySegment bytes) {
    }

    @Test
    void shouldWriteTheEntryBeforeTheIndexThatPublishesIt() throws Exception {
        MemorySegment dev = GoldenImages.imageCopy("empty");
        List<Snapshot> snaps = new ArrayList<>();
        Flusher recording = (off, len) -> snaps.add(new Snapshot(off, len, copy(dev)));
        Superblock sb = new SuperblockView(dev.asSlice(0, SuperblockLayout.SIZE)).validate();
        Geometry g = Geometry.of(sb.deviceSize(), sb.allocUnit(), sb.logLength());
        MetadataLog log = MetadataLog.open(dev, sb, g, recording, ProcessLock.none(), null, new Random(1));
        log.mkdir("a", 0755, 0, 0);
        log.create("a/f", 5, 0644, 0, 0, null);

        assertThat(snaps).hasSize(4); // entry, header; entry, header
        for (int k = 0; k < 4; k++) {
            Snapshot s = snaps.get(k);
            long index = k / 2;
            boolean entryFlush = k % 2 == 0;
            assertThat(s.offset()).isEqualTo(entryFlush ? OmfConstants.LOG_OFFSET + 48 + 544 * index : OmfConstants.LOG_OFFSET);
            MemorySegment logBytes = s.bytes().asSlice(OmfConstants.LOG_OFFSET, sb.logLength());
            LogEntry e = LogEntryView.at(logBytes, index).decode(index); // complete and valid at both points
            assertThat(e.seqnum()).isEqualTo(index);
            MetadataLog replayed = MetadataLog.open(s.bytes(), sb, g, (o, l) -> { }, ProcessLock.none(), "ro", new Random(1));
            assertThat(replayed.position()).isEqualTo(entryFlush ? index : index + 1);
            assertThat(replayed.namespace().find(index + 2).isPresent()).isEqualTo(!entryFlush);
        }
    }

    private static MemorySegment copy(MemorySegment s) {
        return MemorySegment.ofArray(s.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
    }
}
