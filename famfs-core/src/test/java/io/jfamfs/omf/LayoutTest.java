package io.jfamfs.omf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins every struct size and field offset to the tables in famfs-format.md (x86-64, gcc 12). */
class LayoutTest {

    @Test
    void shouldMatchReferenceStructSizes() {
        assertThat(SuperblockLayout.SIZE).isEqualTo(200);
        assertThat(DaxdevLayout.SIZE).isEqualTo(88);
        assertThat(new long[] {DaxdevLayout.SIZE_OFFSET, DaxdevLayout.UUID_OFFSET, DaxdevLayout.NAME_OFFSET})
                .containsExactly(0, 8, 24);
        assertThat(LogHeaderLayout.SIZE).isEqualTo(48);
        assertThat(LogEntryLayout.SIZE).isEqualTo(544);
        assertThat(LogEntryLayout.UNION_LENGTH).isEqualTo(520);
        assertThat(FileMetaLayout.SIZE).isEqualTo(520);
        assertThat(FmapLayout.SIZE).isEqualTo(416);
        assertThat(SimpleExtentLayout.SIZE).isEqualTo(24);
        assertThat(InterleavedExtentLayout.SIZE).isEqualTo(400);
        assertThat(MkdirLayout.SIZE).isEqualTo(92);
        assertThat(AddDaxdevLayout.SIZE).isEqualTo(32);
    }

    @Test
    void shouldPlaceSuperblockFieldsAsReference() {
        assertThat(new long[] {SuperblockLayout.MAGIC_OFFSET, SuperblockLayout.VERSION_OFFSET,
                SuperblockLayout.LOG_OFFSET_OFFSET, SuperblockLayout.LOG_LEN_OFFSET, SuperblockLayout.ALLOC_UNIT_OFFSET,
                SuperblockLayout.OMF_VER_MAJOR_OFFSET, SuperblockLayout.OMF_VER_MINOR_OFFSET,
                SuperblockLayout.UUID_OFFSET, SuperblockLayout.DEV_UUID_OFFSET, SuperblockLayout.SYSTEM_UUID_OFFSET,
                SuperblockLayout.CRC_OFFSET, SuperblockLayout.SB_FLAGS_OFFSET, SuperblockLayout.DAXDEV_OFFSET,
                SuperblockLayout.DAXDEV_SIZE_OFFSET, SuperblockLayout.DAXDEV_UUID_OFFSET,
                SuperblockLayout.DAXDEV_NAME_OFFSET})
                .containsExactly(0, 8, 16, 24, 32, 40, 44, 48, 64, 80, 96, 104, 112, 112, 120, 136);
    }

    @Test
    void shouldPlaceLogHeaderFieldsAsReference() {
        assertThat(new long[] {LogHeaderLayout.MAGIC_OFFSET, LogHeaderLayout.LEN_OFFSET,
                LogHeaderLayout.LAST_INDEX_OFFSET, LogHeaderLayout.CRC_OFFSET, LogHeaderLayout.NEXT_SEQNUM_OFFSET,
                LogHeaderLayout.NEXT_INDEX_OFFSET, LogHeaderLayout.ENTRIES_OFFSET})
                .containsExactly(0, 8, 16, 24, 32, 40, 48);
        assertThat(LogHeaderLayout.lastIndexFor(8L << 20)).isEqualTo(15419);
        assertThat(LogHeaderLayout.lastIndexFor(16L << 20)).isEqualTo(30839);
        assertThat(LogHeaderLayout.entryOffset(1)).isEqualTo(48 + 544);
    }

    @Test
    void shouldPlaceEntryFieldsAsReference() {
        assertThat(new long[] {LogEntryLayout.SEQNUM_OFFSET, LogEntryLayout.TYPE_OFFSET, LogEntryLayout.UNION_OFFSET,
                LogEntryLayout.CRC_OFFSET, LogEntryLayout.FILE_META_OFFSET, LogEntryLayout.MKDIR_OFFSET,
                LogEntryLayout.ADD_DAXDEV_OFFSET, LogEntryLayout.FMAP_OFFSET})
                .containsExactly(0, 8, 16, 536, 16, 16, 16, 120);
        long fm = LogEntryLayout.FILE_META_OFFSET; // entry offsets of famfs_log_file_meta fields
        assertThat(new long[] {fm + FileMetaLayout.SIZE_OFFSET, fm + FileMetaLayout.FLAGS_OFFSET,
                fm + FileMetaLayout.UID_OFFSET, fm + FileMetaLayout.GID_OFFSET, fm + FileMetaLayout.MODE_OFFSET,
                fm + FileMetaLayout.RELPATH_OFFSET, fm + FileMetaLayout.FMAP_OFFSET})
                .containsExactly(16, 24, 28, 32, 36, 40, 120);
        long md = LogEntryLayout.MKDIR_OFFSET;
        assertThat(new long[] {md + MkdirLayout.UID_OFFSET, md + MkdirLayout.GID_OFFSET, md + MkdirLayout.MODE_OFFSET,
                md + MkdirLayout.RELPATH_OFFSET}).containsExactly(16, 20, 24, 28);
        long dd = LogEntryLayout.ADD_DAXDEV_OFFSET;
        assertThat(new long[] {dd + AddDaxdevLayout.SIZE_OFFSET, dd + AddDaxdevLayout.UUID_OFFSET,
                dd + AddDaxdevLayout.INDEX_OFFSET}).containsExactly(16, 24, 40);
    }

    @Test
    void shouldOverlayFmapUnionsAsReference() {
        long f = LogEntryLayout.FMAP_OFFSET;
        assertThat(new long[] {f + FmapLayout.EXT_TYPE_OFFSET, f + FmapLayout.NEXTENTS_OFFSET,
                f + FmapLayout.NIEXT_OFFSET, f + FmapLayout.SE_OFFSET, f + FmapLayout.IE_OFFSET})
                .containsExactly(120, 128, 128, 136, 136);
        long ie = f + FmapLayout.IE_OFFSET;
        assertThat(new long[] {ie + InterleavedExtentLayout.NSTRIPS_OFFSET,
                ie + InterleavedExtentLayout.CHUNK_SIZE_OFFSET, ie + InterleavedExtentLayout.STRIPS_OFFSET})
                .containsExactly(136, 144, 152);
        assertThat(new long[] {SimpleExtentLayout.DEVINDEX_OFFSET, SimpleExtentLayout.OFFSET_OFFSET,
                SimpleExtentLayout.LEN_OFFSET}).containsExactly(0, 8, 16);
        // the last strip ends inside the fmap, which ends where the entry CRC begins
        assertThat(ie + InterleavedExtentLayout.SIZE).isEqualTo(LogEntryLayout.CRC_OFFSET);
    }
}
