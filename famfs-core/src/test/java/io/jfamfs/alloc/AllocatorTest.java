package io.jfamfs.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.sys.ErrnoException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllocatorTest {
    static final long MiB = 1L << 20, GiB = 1L << 30;
    static final Geometry EIGHT_GIB = Geometry.of(8 * GiB, 2 * MiB, 8 * MiB);

    private static Allocator allocator(Geometry g) {
        return new Allocator(new AllocationBitmap(g), new Random(1));
    }

    @Test
    void shouldReserveSuperblockAndLog() {
        AllocationBitmap b = new AllocationBitmap(EIGHT_GIB);
        assertThat(b.units()).isEqualTo(4096);
        assertThat(b.usedUnits()).isEqualTo(5); // 2 MiB superblock + 8 MiB log
        assertThat(b.allocatedBytes()).isZero();
        assertThat(b.freeBytes()).isEqualTo(8 * GiB - 10 * MiB);
    }

    @Test
    void shouldPlaceTheGoldenBasicFilesLikeTheReference() throws ErrnoException {
        Allocator a = allocator(EIGHT_GIB);
        long[] sizes = {MiB, 5 * MiB + 123, 2 * MiB, 1, 4 * MiB, 2 * MiB + 1};
        long[][] expected = {{10, 2}, {12, 6}, {18, 2}, {20, 2}, {22, 4}, {26, 4}}; // MiB, from basic.json
        for (int i = 0; i < sizes.length; i++) {
            a.resetSession(); // each reference mkfile is one locked-log session
            Fmap.Simple f = a.allocateContiguous(sizes[i]);
            assertThat(f.extents()).containsExactly(new SimpleExtent(0, expected[i][0] * MiB, expected[i][1] * MiB));
        }
    }

    @Test
    void shouldSkipHolesBehindTheCursorWithinASessionAndReuseThemInTheNext() throws ErrnoException {
        AllocationBitmap b = new AllocationBitmap(EIGHT_GIB);
        b.mark(12 * MiB, 2 * MiB); // leaves a 2 MiB hole at 10 MiB
        Allocator a = new Allocator(b, new Random(1));
        assertThat(a.allocateContiguous(4 * MiB).extents().getFirst().offset()).isEqualTo(14 * MiB);
        assertThat(a.allocateContiguous(2 * MiB).extents().getFirst().offset()).isEqualTo(18 * MiB);
        a.resetSession();
        assertThat(a.allocateContiguous(2 * MiB).extents().getFirst().offset()).isEqualTo(10 * MiB);
    }

    @Test
    void shouldStripeLikeTheReferenceSizes() throws ErrnoException {
        Allocator a = allocator(Geometry.of(16 * GiB, 2 * MiB, 8 * MiB));
        Fmap.Interleaved big = (Fmap.Interleaved) a.allocate(32 * MiB, new InterleaveParams(8, 4, 2 * MiB));
        assertThat(big.strips()).hasSize(4).allSatisfy(s -> assertThat(s.length()).isEqualTo(8 * MiB));
        Fmap.Interleaved odd = (Fmap.Interleaved) a.allocate(3 * MiB, new InterleaveParams(8, 4, 2 * MiB));
        assertThat(odd.strips()).hasSize(4).allSatisfy(s -> assertThat(s.length()).isEqualTo(2 * MiB));
        Fmap.Interleaved wide = (Fmap.Interleaved) a.allocate(100 * MiB, new InterleaveParams(16, 16, 4 * MiB));
        assertThat(wide.strips()).hasSize(16).allSatisfy(s -> assertThat(s.length()).isEqualTo(8 * MiB));
        assertThat(wide.strips().stream().map(s -> s.offset() / GiB).distinct()).hasSize(16);
    }

    @Test
    void shouldFallBackToFirstFitForFilesSmallerThanAChunk() throws ErrnoException {
        Allocator a = allocator(Geometry.of(16 * GiB, 2 * MiB, 8 * MiB));
        a.allocateContiguous(2 * MiB);
        Fmap f = a.allocate(MiB, new InterleaveParams(8, 4, 4 * MiB));
        assertThat(f).isEqualTo(new Fmap.Simple(List.of(new SimpleExtent(0, 12 * MiB, 2 * MiB))));
    }

    @Test
    void shouldRejectInvalidInterleaveWithTheReason() {
        Allocator a = allocator(Geometry.of(16 * GiB, 2 * MiB, 8 * MiB));
        assertThatThrownBy(() -> a.allocate(8 * MiB, new InterleaveParams(8, 4, MiB))).hasMessageContaining("power of two and a multiple");
        assertThatThrownBy(() -> a.allocate(8 * MiB, new InterleaveParams(4, 8, 2 * MiB))).hasMessageContaining("must not exceed nbuckets");
        assertThatThrownBy(() -> a.allocate(8 * MiB, new InterleaveParams(65, 4, 2 * MiB))).hasMessageContaining("between 1 and 64");
        assertThatThrownBy(() -> a.allocate(8 * MiB, new InterleaveParams(32, 4, 2 * MiB))).hasMessageContaining("below the 1024 MiB");
        assertThatThrownBy(() -> a.allocate(8 * MiB, new InterleaveParams(16, 17, 2 * MiB))).hasMessageContaining("between 1 and 16");
        assertThat(a.bitmap().allocatedBytes()).isZero();
    }

    @Test
    void shouldNeverSpillAStripIntoTheNextBucketAndLeaveNothingOnFailure() throws ErrnoException {
        Geometry g = Geometry.of(4 * GiB, 2 * MiB, 8 * MiB);
        AllocationBitmap b = new AllocationBitmap(g);
        b.mark(GiB, GiB);                 // bucket 1 full
        b.mark(2 * GiB, 4 * MiB);         // bucket 2 starts used (the reference's spill case)
        b.mark(3 * GiB, GiB - 2 * MiB);   // bucket 3 nearly full
        long before = b.usedUnits();
        Allocator a = new Allocator(b, new Random(7));
        assertThatThrownBy(() -> a.allocate(16 * MiB, new InterleaveParams(4, 4, 2 * MiB)))
                .isInstanceOf(NoSpaceException.class).hasMessageContaining("found 2");
        assertThat(b.usedUnits()).isEqualTo(before);
        Fmap.Interleaved ok = (Fmap.Interleaved) a.allocate(16 * MiB, new InterleaveParams(4, 2, 2 * MiB));
        for (SimpleExtent s : ok.strips()) {
            assertThat(s.offset() / GiB).isEqualTo((s.end() - 1) / GiB);
        }
    }

    @Test
    void shouldSayHowMuchWasNeededWhenFull() {
        Allocator a = allocator(Geometry.of(64 * MiB, 2 * MiB, 8 * MiB));
        assertThatThrownBy(() -> a.allocateContiguous(60 * MiB)).isInstanceOf(NoSpaceException.class)
                .hasMessage("no space: need 60 MiB contiguous, largest free run 54 MiB");
    }

    @Test
    void shouldIgnoreExtentsFromCorruptEntriesThatLieNowhere() {
        AllocationBitmap b = new AllocationBitmap(EIGHT_GIB);
        assertThat(b.mark(-2 * MiB, 2 * MiB)).isZero();
        assertThat(b.mark(Long.MAX_VALUE - MiB, 4 * MiB)).isZero();
        assertThat(b.mark(8 * GiB - 2 * MiB, Long.MAX_VALUE)).isZero(); // clipped to the device
        assertThat(b.anyUsed(-1, 5)).isFalse();
        assertThat(b.anyUsed(8 * GiB - 2 * MiB, Long.MAX_VALUE)).isTrue();
        assertThat(b.usedUnits()).isEqualTo(6);
    }

    @Test
    void shouldNeverHandOutAUnitTheDeviceEndsInside() throws ErrnoException {
        Allocator a = allocator(new Geometry(16 * MiB + 4096, 2 * MiB, 10 * MiB));
        assertThat(a.bitmap().freeBytes()).isEqualTo(6 * MiB);
        a.allocateContiguous(6 * MiB);
        assertThatThrownBy(() -> a.allocateContiguous(1)).isInstanceOf(NoSpaceException.class);
    }
}
