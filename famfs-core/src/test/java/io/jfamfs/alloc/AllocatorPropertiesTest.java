package io.jfamfs.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.sys.ErrnoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AllocatorPropertiesTest {
    static final long MiB = 1L << 20, GiB = 1L << 30;

    record Request(long size, InterleaveParams interleave, boolean newSession) {
    }

    @Provide
    Arbitrary<List<Request>> requests() {
        Arbitrary<Long> sizes = Arbitraries.oneOf(Arbitraries.longs().between(1, 64 * MiB),
                Arbitraries.longs().between(1, 600 * MiB));
        Arbitrary<InterleaveParams> il = Combinators.combine(Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 8), Arbitraries.of(2 * MiB, 4 * MiB, 8 * MiB, 3 * MiB))
                .as(InterleaveParams::new).injectNull(0.5);
        return Combinators.combine(sizes, il, Arbitraries.of(true, false))
                .as(Request::new).list().ofMaxSize(60);
    }

    @Property(tries = 200)
    void allocationsNeverOverlapNorTouchReservedNorExceedDevice(@ForAll("requests") List<Request> requests,
            @ForAll long seed) {
        Geometry g = Geometry.of(8 * GiB + 4096 * (seed & 1), 2 * MiB, 8 * MiB);
        AllocationBitmap bitmap = new AllocationBitmap(g);
        Allocator a = new Allocator(bitmap, new Random(seed));
        List<SimpleExtent> all = new ArrayList<>();
        long allocated = 0;
        for (Request r : requests) {
            if (r.newSession()) {
                a.resetSession();
            }
            long before = bitmap.allocatedBytes();
            try {
                Fmap f = a.allocate(r.size(), r.interleave());
                List<SimpleExtent> ext = AllocationBitmap.extents(f);
                long sum = ext.stream().mapToLong(SimpleExtent::length).sum();
                assertThat(sum).isGreaterThanOrEqualTo(r.size());
                allocated += sum;
                all.addAll(ext);
            } catch (ErrnoException e) {
                assertThat(bitmap.allocatedBytes()).isEqualTo(before);
            }
            assertThat(bitmap.allocatedBytes()).isEqualTo(allocated);
            assertThat(bitmap.freeBytes() + allocated + g.reservedEnd()).isEqualTo(g.units() * g.allocUnit()
                    - (g.deviceSize() % g.allocUnit() == 0 ? 0 : g.allocUnit()));
        }
        all.sort((x, y) -> Long.compare(x.offset(), y.offset()));
        long prevEnd = g.reservedEnd();
        for (SimpleExtent e : all) {
            assertThat(e.offset()).isGreaterThanOrEqualTo(prevEnd);
            assertThat(e.offset() % g.allocUnit()).isZero();
            prevEnd = e.end();
        }
        assertThat(prevEnd).isLessThanOrEqualTo(g.deviceSize());
        assertThat(bitmap.collisions()).isZero();
    }
}
