package io.jfamfs.ns;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.alloc.AllocationBitmap;
import io.jfamfs.alloc.Geometry;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.RelPathBytes;
import io.jfamfs.omf.SimpleExtent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any entries at all, however corrupt, are applied or rejected, never thrown on; what is accepted never overlaps. */
class NamespacePropertiesTest {
    static final long MiB = 1L << 20, GiB = 1L << 30;
    static final Geometry G = Geometry.of(GiB, 2 * MiB, 8 * MiB);

    @Provide
    Arbitrary<List<LogEntry>> entries() {
        Arbitrary<Long> offsets = Arbitraries.oneOf(Arbitraries.longs().between(0, 512).map(u -> u * 2 * MiB),
                Arbitraries.longs(), Arbitraries.longs().between(0, GiB + 4 * MiB));
        Arbitrary<Long> lengths = Arbitraries.oneOf(Arbitraries.longs().between(0, 8).map(u -> u * 2 * MiB), Arbitraries.longs());
        Arbitrary<SimpleExtent> ext = Combinators.combine(Arbitraries.longs().between(0, 1), offsets, lengths).as(SimpleExtent::new);
        Arbitrary<Fmap> fmap = Arbitraries.oneOf(ext.list().ofMaxSize(17).map(Fmap.Simple::new),
                Combinators.combine(Arbitraries.longs().between(-1, 17), Arbitraries.of(0L, 2 * MiB, 3 * MiB, 4 * MiB),
                        ext.list().ofMaxSize(17)).as(Fmap.Interleaved::new));
        Arbitrary<String> paths = Arbitraries.of("a", "b", "a/x", "a/y", "b/z", "/a", "a/../b", "", "c//d", "a/x/q");
        Arbitrary<LogEntry> file = Combinators.combine(Arbitraries.longs().between(-1, 40 * MiB), paths, fmap)
                .as((size, p, f) -> new LogEntry.FileEntry(0, size, 2, 0, 0, 0644, RelPathBytes.of(p), f));
        Arbitrary<LogEntry> dir = paths.map(p -> new LogEntry.MkdirEntry(0, 0, 0, 0755, RelPathBytes.of(p)));
        return Arbitraries.oneOf(file, file, dir).list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void anyEntriesAreAppliedOrRejectedAndAcceptedFilesNeverOverlap(@ForAll("entries") List<LogEntry> entries) {
        Namespace ns = new Namespace(G);
        for (int i = 0; i < entries.size(); i++) {
            ns.apply(i, entries.get(i)); // must not throw
        }
        List<SimpleExtent> all = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ns.find(Node.idOf(i)).ifPresent(n -> {
                if (n instanceof FileNode f) {
                    all.addAll(AllocationBitmap.extents(f.fmap()));
                }
            });
        }
        all.sort(Comparator.comparingLong(SimpleExtent::offset));
        long prevEnd = G.reservedEnd();
        for (SimpleExtent e : all) {
            assertThat(e.offset()).isGreaterThanOrEqualTo(prevEnd);
            prevEnd = e.end();
        }
        assertThat(prevEnd).isLessThanOrEqualTo(G.deviceSize());
        assertThat(ns.allocatedBytes()).isEqualTo(all.stream().mapToLong(SimpleExtent::length).sum());
    }
}
