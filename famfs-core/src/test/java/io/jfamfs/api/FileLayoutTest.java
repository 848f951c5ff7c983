package io.jfamfs.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileLayoutTest {
    static final long MiB = 1L << 20;

    static List<long[]> runs(Fmap f, long off, long len) throws Exception {
        List<long[]> out = new ArrayList<>();
        FileLayout.forEachRun(f, off, len, (fo, dev, l) -> out.add(new long[] {fo, dev, l}));
        return out;
    }

    @Test
    void shouldWalkSimpleExtentsEndToEnd() throws Exception {
        Fmap f = new Fmap.Simple(List.of(new SimpleExtent(0, 100 * MiB, 4 * MiB), new SimpleExtent(0, 20 * MiB, 2 * MiB)));
        assertThat(FileLayout.capacity(f)).isEqualTo(6 * MiB);
        assertThat(runs(f, 3 * MiB, 2 * MiB)).containsExactly(new long[] {3 * MiB, 103 * MiB, MiB},
                new long[] {4 * MiB, 20 * MiB, MiB});
        assertThat(runs(f, 0, 6 * MiB)).hasSize(2);
    }

    @Test
    void shouldStripeChunksRoundRobin() throws Exception {
        Fmap f = new Fmap.Interleaved(2, 2 * MiB, List.of(new SimpleExtent(0, 1000 * MiB, 4 * MiB),
                new SimpleExtent(0, 2000 * MiB, 4 * MiB)));
        assertThat(runs(f, MiB, 6 * MiB)).containsExactly(
                new long[] {MiB, 1001 * MiB, MiB},            // chunk 0: strip 0, row 0
                new long[] {2 * MiB, 2000 * MiB, 2 * MiB},    // chunk 1: strip 1, row 0
                new long[] {4 * MiB, 1002 * MiB, 2 * MiB},    // chunk 2: strip 0, row 1
                new long[] {6 * MiB, 2002 * MiB, MiB});       // chunk 3: strip 1, row 1
    }
}
