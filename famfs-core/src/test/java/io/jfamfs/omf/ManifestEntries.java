package io.jfamfs.omf;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.testing.Json;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Compares a decoded {@link LogEntry} with its manifest entry, field by field. */
final class ManifestEntries {
    private ManifestEntries() {
    }

    static void assertFields(LogEntry entry, Json e, MemorySegment raw) {
        assertThat(entry.seqnum()).isEqualTo(e.get("seqnum").asLong());
        switch (entry) {
            case LogEntry.FileEntry f -> {
                assertThat(e.get("type_name").asString()).isEqualTo("FAMFS_LOG_FILE");
                assertThat(f.size()).isEqualTo(e.get("fm_size").asLong());
                assertThat(f.flags()).isEqualTo(e.get("fm_flags").asInt());
                assertThat(f.uid()).isEqualTo(e.get("fm_uid").asInt());
                assertThat(f.gid()).isEqualTo(e.get("fm_gid").asInt());
                assertThat(f.mode()).isEqualTo(e.get("fm_mode").asInt()).isEqualTo(e.get("fm_mode_decimal").asInt());
                assertThat(f.relpath().toString()).isEqualTo(e.get("fm_relpath").asString());
                assertThat(f.relpath().length()).isEqualTo(e.get("relpath_strnlen").asInt());
                long at = LogEntryLayout.FILE_META_OFFSET + FileMetaLayout.RELPATH_OFFSET;
                assertThat(HexFormat.of().formatHex(raw.asSlice(at, 80).toArray(ValueLayout.JAVA_BYTE)))
                        .isEqualTo(e.get("fm_relpath_80_bytes_hex").asString());
                assertFmap(f.fmap(), e.get("fmap"));
            }
            case LogEntry.MkdirEntry d -> {
                assertThat(e.get("type_name").asString()).isEqualTo("FAMFS_LOG_MKDIR");
                assertThat(d.uid()).isEqualTo(e.get("md_uid").asInt());
                assertThat(d.gid()).isEqualTo(e.get("md_gid").asInt());
                assertThat(d.mode()).isEqualTo(e.get("md_mode").asInt()).isEqualTo(e.get("md_mode_decimal").asInt());
                assertThat(d.relpath().toString()).isEqualTo(e.get("md_relpath").asString());
                assertThat(d.relpath().length()).isEqualTo(e.get("relpath_strnlen").asInt());
            }
            case LogEntry.AddDaxdevEntry a -> {
                assertThat(e.get("type_name").asString()).isEqualTo("FAMFS_LOG_ADD_DAXDEV");
                assertThat(a.size()).isEqualTo(e.get("dd_size").asLong());
                assertThat(a.uuid()).isEqualTo(UUID.fromString(e.get("dd_uuid").asString()));
                assertThat(GoldenImageTest.hexAt(raw, LogEntryLayout.ADD_DAXDEV_OFFSET + AddDaxdevLayout.UUID_OFFSET,
                        16)).isEqualTo(e.get("dd_uuid_hex").asString());
                assertThat(a.index()).isEqualTo(e.get("dd_index").asInt());
            }
            case LogEntry.OtherEntry o -> assertThat(o.type()).isEqualTo(e.get("type").asInt());
        }
    }

    private static void assertFmap(Fmap fmap, Json m) {
        assertThat(m.get("pad_4_8_zero").asBoolean()).isTrue();
        assertThat(m.get("pad_12_16_zero").asBoolean()).isTrue();
        switch (fmap) {
            case Fmap.Simple s -> {
                assertThat(m.get("fmap_ext_type").asInt()).isEqualTo(OmfConstants.EXT_SIMPLE);
                assertThat(s.extents()).hasSize(m.get("fmap_nextents").asInt());
                assertExtents(s.extents(), m.get("se"));
            }
            case Fmap.Interleaved i -> {
                assertThat(m.get("fmap_ext_type").asInt()).isEqualTo(OmfConstants.EXT_INTERLEAVE);
                assertThat(m.get("fmap_niext").asInt()).isEqualTo(1);
                Json ie = m.get("ie").at(0);
                assertThat(i.nstrips()).isEqualTo(ie.get("ie_nstrips").asLong());
                assertThat(i.chunkSize()).isEqualTo(ie.get("ie_chunk_size").asLong());
                assertExtents(i.strips(), ie.get("ie_strips"));
            }
        }
    }

    private static void assertExtents(List<SimpleExtent> actual, Json expected) {
        assertThat(actual).hasSize(expected.size());
        for (int j = 0; j < actual.size(); j++) {
            Json x = expected.at(j);
            assertThat(actual.get(j)).isEqualTo(new SimpleExtent(x.get("se_devindex").asLong(),
                    x.get("se_offset").asLong(), x.get("se_len").asLong()));
        }
    }
}
