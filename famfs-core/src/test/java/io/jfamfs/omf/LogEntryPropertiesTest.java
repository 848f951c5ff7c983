package io.jfamfs.omf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.ByteRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the entry codec over random valid entries of every written type. */
class LogEntryPropertiesTest {

    @Property(tries = 300)
    void shouldDecodeWhatItEncodes(@ForAll("entries") LogEntry entry) throws OmfException {
        MemorySegment slot = encode(entry);
        assertThat(new LogEntryView(slot).decode(entry.seqnum())).isEqualTo(entry);
    }

    @Property(tries = 300)
    void shouldCatchAnySingleFlippedByte(@ForAll("entries") LogEntry entry, @ForAll @IntRange(max = 543) int at,
            @ForAll @ByteRange(min = 1) byte xor) {
        MemorySegment slot = encode(entry);
        slot.set(ValueLayout.JAVA_BYTE, at, (byte) (slot.get(ValueLayout.JAVA_BYTE, at) ^ xor));
        // a flip in [0,536) changes the computed CRC; a flip in [536,544) changes the stored one
        assertThatThrownBy(() -> new LogEntryView(slot).decode(entry.seqnum()))
                .isInstanceOfSatisfying(OmfException.class, e -> {
                    assertThat(e.reason()).isEqualTo(OmfException.Reason.BAD_CRC);
                    assertThat(e.index()).isEqualTo(entry.seqnum());
                });
    }

    /** Untrusted bytes that pass the CRC still decode to an entry or a checked error, never a crash. */
    @Property(tries = 500)
    void shouldNeverThrowUncheckedOnArbitraryBytes(@ForAll @Size(544) byte[] bytes,
            @ForAll @IntRange(max = 5) int type, @ForAll @IntRange(max = 2) int extType) {
        MemorySegment slot = MemorySegment.ofArray(bytes);
        slot.set(ValueLayout.JAVA_LONG_UNALIGNED, LogEntryLayout.SEQNUM_OFFSET, 0L);
        slot.set(ValueLayout.JAVA_INT_UNALIGNED, LogEntryLayout.TYPE_OFFSET, type); // reach every decoder
        slot.set(ValueLayout.JAVA_INT_UNALIGNED, LogEntryLayout.FMAP_OFFSET, extType);
        LogEntryView view = new LogEntryView(slot);
        slot.set(ValueLayout.JAVA_LONG_UNALIGNED, LogEntryLayout.CRC_OFFSET, view.computedCrc());
        try {
            assertThat(view.decode(0)).isNotNull();
        } catch (OmfException expected) {
            assertThat(expected.getMessage()).contains("index=0");
        }
    }

    static MemorySegment encode(LogEntry entry) {
        MemorySegment slot = MemorySegment.ofArray(new byte[(int) LogEntryLayout.SIZE]);
        new LogEntryView(slot).encode(entry);
        return slot;
    }

    @Provide
    Arbitrary<LogEntry> entries() {
        return Arbitraries.oneOf(fileEntries(simpleFmaps()), fileEntries(interleavedFmaps()), mkdirEntries(),
                addDaxdevEntries());
    }

    private static Arbitrary<Long> seqnums() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    private static Arbitrary<RelPathBytes> relpaths() {
        return Arbitraries.bytes().filter(b -> b != 0).array(byte[].class).ofMaxSize(OmfConstants.MAX_PATHLEN)
                .map(RelPathBytes::of);
    }

    private static Arbitrary<SimpleExtent> extents() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs())
                .as(SimpleExtent::new);
    }

    private static Arbitrary<Fmap> simpleFmaps() {
        return extents().list().ofMaxSize(OmfConstants.MAX_SIMPLE_EXTENTS).map(Fmap.Simple::new);
    }

    private static Arbitrary<Fmap> interleavedFmaps() {
        return Combinators.combine(extents().list().ofMaxSize(OmfConstants.MAX_STRIPS), Arbitraries.longs())
                .as((List<SimpleExtent> strips, Long chunk) -> new Fmap.Interleaved(strips.size(), chunk, strips));
    }

    private static Arbitrary<LogEntry> fileEntries(Arbitrary<Fmap> fmaps) {
        return Combinators.combine(seqnums(), Arbitraries.longs(), Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.integers(), Arbitraries.integers(), relpaths(), fmaps)
                .as(LogEntry.FileEntry::new);
    }

    private static Arbitrary<LogEntry> mkdirEntries() {
        return Combinators.combine(seqnums(), Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(),
                relpaths()).as(LogEntry.MkdirEntry::new);
    }

    private static Arbitrary<LogEntry> addDaxdevEntries() {
        return Combinators.combine(seqnums(), Arbitraries.longs(),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new), Arbitraries.integers())
                .as(LogEntry.AddDaxdevEntry::new);
    }
}
