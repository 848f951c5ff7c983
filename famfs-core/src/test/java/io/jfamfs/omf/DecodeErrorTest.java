package io.jfamfs.omf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.testing.GoldenImages;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Corrupt structures become an {@link OmfException} with the right reason and a precise message. */
class DecodeErrorTest {
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;

    /** Returns entry {@code index} of image {@code name}, changed by {@code edit}, with its CRC fixed up. */
    static LogEntryView entry(String name, int index, Consumer<MemorySegment> edit) {
        MemorySegment slot = MemorySegment.ofArray(GoldenImageTest.log(name)
                .asSlice(LogHeaderLayout.entryOffset(index), LogEntryLayout.SIZE).toArray(ValueLayout.JAVA_BYTE));
        edit.accept(slot);
        LogEntryView view = new LogEntryView(slot);
        slot.set(U64, LogEntryLayout.CRC_OFFSET, view.computedCrc());
        return view;
    }

    static AbstractThrowableAssert<?, ?> assertDecode(LogEntryView view, long index, OmfException.Reason reason) {
        return assertThatThrownBy(() -> view.decode(index)).isInstanceOfSatisfying(OmfException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.index()).isEqualTo(index);
        });
    }

    @Test
    void shouldReportBadCrcWithBothValues() {
        LogEntryView view = entry("basic", 2, s -> { });
        long good = view.storedCrc();
        view.segment().set(U64, LogEntryLayout.CRC_OFFSET, good | 1L << 32); // upper half must be zero too
        assertDecode(view, 2, OmfException.Reason.BAD_CRC)
                .hasMessage("bad crc: index=2 stored=0x%x computed=0x%x".formatted(good | 1L << 32, good));
    }

    @Test
    void shouldReportSeqnumThatIsNotTheIndex() {
        assertDecode(entry("basic", 2, s -> { }), 3, OmfException.Reason.BAD_SEQNUM)
                .hasMessage("bad seqnum: index=3 seqnum=2");
    }

    @Test
    void shouldReportUnknownExtentType() {
        LogEntryView v = entry("basic", 2, s -> s.set(U32, LogEntryLayout.FMAP_OFFSET + FmapLayout.EXT_TYPE_OFFSET, 7));
        assertDecode(v, 2, OmfException.Reason.BAD_EXT_TYPE).hasMessage("bad fmap ext type: index=2 ext_type=7");
    }

    @Test
    void shouldReportMoreExtentsThanSlots() {
        LogEntryView v = entry("basic", 2, s -> s.set(U32, LogEntryLayout.FMAP_OFFSET + FmapLayout.NEXTENTS_OFFSET, -1));
        assertDecode(v, 2, OmfException.Reason.BAD_EXTENT_COUNT)
                .hasMessage("too many extents: index=2 nextents=4294967295 max=16");
    }

    @Test
    void shouldReportInterleavedCountOtherThanOne() {
        for (int niext : new int[] {0, 2}) {
            LogEntryView v = entry("interleave", 2,
                    s -> s.set(U32, LogEntryLayout.FMAP_OFFSET + FmapLayout.NIEXT_OFFSET, niext));
            assertDecode(v, 2, OmfException.Reason.BAD_EXTENT_COUNT).hasMessageContaining("niext=" + niext);
        }
    }

    @Test
    void shouldReportMoreStripsThanSlots() {
        long at = LogEntryLayout.FMAP_OFFSET + FmapLayout.IE_OFFSET + InterleavedExtentLayout.NSTRIPS_OFFSET;
        assertDecode(entry("interleave", 2, s -> s.set(U64, at, 17)), 2, OmfException.Reason.BAD_EXTENT_COUNT)
                .hasMessage("too many strips: index=2 nstrips=17 max=16");
        assertDecode(entry("interleave", 2, s -> s.set(U64, at, -1L)), 2, OmfException.Reason.BAD_EXTENT_COUNT)
                .hasMessageContaining("nstrips=18446744073709551615");
    }

    @Test
    void shouldKeepUnknownTypesAsOtherEntries() throws OmfException {
        for (int type : new int[] {OmfConstants.LOG_DELETE, OmfConstants.LOG_INVALID, 99}) {
            LogEntry e = entry("basic", 0, s -> s.set(U32, LogEntryLayout.TYPE_OFFSET, type)).decode(0);
            assertThat(e).isEqualTo(new LogEntry.OtherEntry(0, type));
        }
    }

    @Test
    void shouldStopAnUnterminatedRelpathAtItsField() throws OmfException {
        long at = LogEntryLayout.MKDIR_OFFSET + MkdirLayout.RELPATH_OFFSET;
        LogEntry e = entry("basic", 0, s -> s.asSlice(at, 80 + 8).fill((byte) 'a')).decode(0); // and past it
        assertThat(((LogEntry.MkdirEntry) e).relpath().length()).isEqualTo(80);
    }

    @Test
    void shouldRejectSuperblockAsFamfsCheckSuperDoes() {
        assertSuperblock(s -> s.set(U64, SuperblockLayout.MAGIC_OFFSET, 0), OmfException.Reason.NO_SUPERBLOCK, false);
        assertSuperblock(s -> s.set(U64, SuperblockLayout.VERSION_OFFSET, 47), OmfException.Reason.WRONG_VERSION, true);
        assertSuperblock(s -> s.set(U64, SuperblockLayout.CRC_OFFSET, s.get(U64, SuperblockLayout.CRC_OFFSET) | 1L << 32),
                OmfException.Reason.BAD_CRC, false);
        assertSuperblock(s -> s.set(U64, SuperblockLayout.ALLOC_UNIT_OFFSET, 8192), OmfException.Reason.BAD_ALLOC_UNIT,
                true);
        assertSuperblock(s -> s.set(U64, SuperblockLayout.LOG_OFFSET_OFFSET, 4L << 20), OmfException.Reason.BAD_GEOMETRY,
                true);
        assertSuperblock(s -> s.set(U64, SuperblockLayout.LOG_LEN_OFFSET, 1L << 40), OmfException.Reason.BAD_GEOMETRY,
                true);
    }

    @Test
    void shouldIgnoreFieldsOutsideTheSuperblockCrcAsTheReferenceDoes() throws OmfException {
        MemorySegment image = GoldenImages.imageCopy("basic");
        image.set(U32, SuperblockLayout.SB_FLAGS_OFFSET, 0xaaaaaaaa);
        image.asSlice(SuperblockLayout.DAXDEV_UUID_OFFSET, 16).fill((byte) 0xaa);
        assertThat(new SuperblockView(image).validate().flags()).isEqualTo(0xaaaaaaaa);
    }

    private static void assertSuperblock(Consumer<MemorySegment> edit, OmfException.Reason reason, boolean fixCrc) {
        MemorySegment image = GoldenImages.imageCopy("basic");
        edit.accept(image);
        SuperblockView view = new SuperblockView(image);
        if (fixCrc) {
            view.writeCrc();
        }
        assertThatThrownBy(view::validate).isInstanceOfSatisfying(OmfException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void shouldRejectLogHeaderWithBadMagicCrcOrCounters() {
        assertLogHeader(s -> s.set(U64, LogHeaderLayout.MAGIC_OFFSET, 1), OmfException.Reason.BAD_LOG_MAGIC);
        assertLogHeader(s -> s.set(U64, LogHeaderLayout.LAST_INDEX_OFFSET, 7), OmfException.Reason.BAD_CRC);
        assertLogHeader(s -> {
            s.set(U64, LogHeaderLayout.LAST_INDEX_OFFSET, 1L << 40);
            s.set(U64, LogHeaderLayout.CRC_OFFSET, new LogHeaderView(s).computedCrc());
        }, OmfException.Reason.BAD_LOG_HEADER);
        assertLogHeader(s -> s.set(U64, LogHeaderLayout.NEXT_INDEX_OFFSET, 15421), OmfException.Reason.BAD_LOG_HEADER);
        assertLogHeader(s -> s.set(U64, LogHeaderLayout.NEXT_SEQNUM_OFFSET, 3), OmfException.Reason.BAD_LOG_HEADER);
    }

    private static void assertLogHeader(Consumer<MemorySegment> edit, OmfException.Reason reason) {
        MemorySegment log = GoldenImages.imageCopy("basic").asSlice(OmfConstants.LOG_OFFSET, 8L << 20);
        edit.accept(log);
        assertThatThrownBy(() -> new LogHeaderView(log).validate()).isInstanceOfSatisfying(OmfException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
