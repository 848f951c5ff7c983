package io.jfamfs.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.alloc.InterleaveParams;
import io.jfamfs.ns.Namespace;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockLayout;
import io.jfamfs.omf.SuperblockView;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.testing.GoldenImages;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever sequence of creates is appended, replaying the log gives back exactly the namespace built. */
class AppendReplayPropertyTest {
    static final long MiB = 1L << 20, GiB = 1L << 30;

    record Op(boolean dir, int parent, long size, InterleaveParams interleave) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<InterleaveParams> il = Combinators.combine(Arbitraries.integers().between(1, 16),
                Arbitraries.integers().between(1, 16), Arbitraries.of(2 * MiB, 4 * MiB, 8 * MiB))
                .as(InterleaveParams::new).injectNull(0.6);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 50),
                Arbitraries.longs().between(-1, 300 * MiB), il).as(Op::new).list().ofMaxSize(50);
    }

    @Property(tries = 60)
    void replayGivesBackTheNamespaceThatAppendsBuilt(@ForAll("ops") List<Op> ops, @ForAll long seed) throws Exception {
        MemorySegment dev = GoldenImages.imageCopy("empty");
        dev.set(ValueLayout.JAVA_LONG_UNALIGNED, 112, 16 * GiB); // dd_size, outside the superblock CRC
        Superblock sb = new SuperblockView(dev.asSlice(0, SuperblockLayout.SIZE)).validate();
        Geometry g = Geometry.of(sb.deviceSize(), sb.allocUnit(), sb.logLength());
        MetadataLog log = MetadataLog.open(dev, sb, g, (o, l) -> { }, ProcessLock.none(), null, new Random(seed));
        int made = 0;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            String parent = op.parent() < made ? log.namespace().find(op.parent() + 2).map(Node::relpath).orElse("") : "";
            String path = (parent.isEmpty() ? "" : parent + "/") + "n" + i;
            try {
                if (op.dir()) {
                    log.mkdir(path, 0755, i, i);
                } else {
                    log.create(path, op.size(), 0640, i, i, op.interleave());
                }
                made = (int) log.position();
            } catch (ErrnoException e) {
                made = (int) log.position(); // refused (a file parent, no space, bad size...): nothing logged
            }
        }
        Namespace built = log.namespace();
        MetadataLog replayed = MetadataLog.open(dev, sb, g, (o, l) -> { }, ProcessLock.none(), "ro", new Random(0));
        Namespace again = replayed.namespace();
        assertThat(replayed.problems()).isEmpty();
        assertThat(log.problems()).isEmpty();
        assertThat(again.fileCount()).isEqualTo(built.fileCount());
        assertThat(again.directoryCount()).isEqualTo(built.directoryCount());
        assertThat(again.allocatedBytes()).isEqualTo(built.allocatedBytes());
        for (long id = 2; id < log.position() + 2; id++) {
            Node a = built.find(id).orElseThrow();
            Node b = again.find(id).orElseThrow();
            assertThat(b.relpath()).isEqualTo(a.relpath());
            if (a instanceof io.jfamfs.ns.FileNode f) {
                assertThat(b).isEqualTo(f);
            }
        }
        FsckReport r = replayed.fsck();
        assertThat(r.clean()).isTrue();
        assertThat(r.freeBytes() + r.allocatedBytes()).isEqualTo(16 * GiB - 10 * MiB);
    }
}
