package io.jfamfs.omf;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.testing.GoldenImages;
import io.jfamfs.testing.Json;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Reads every golden image with the views and checks every field and CRC against its manifest. */
class GoldenImageTest {
    static final List<String> NAMES = GoldenImages.NAMES;

    @ParameterizedTest
    @FieldSource("NAMES")
    void shouldDecodeSuperblockAsManifest(String name) throws OmfException {
        Json m = GoldenImages.manifest(name).get("superblock");
        MemorySegment image = GoldenImages.image(name);
        SuperblockView view = new SuperblockView(image);
        Superblock sb = view.validate(); // reference_famfs_check_super_rc == 0 for every image
        assertThat(m.get("reference_famfs_check_super_rc").asLong()).isZero();

        assertThat(sb.magic()).isEqualTo(m.get("ts_magic").asLong()).isEqualTo(OmfConstants.SUPER_MAGIC);
        assertThat(sb.version()).isEqualTo(m.get("ts_version").asLong());
        assertThat(sb.logOffset()).isEqualTo(m.get("ts_log_offset").asLong());
        assertThat(sb.logLength()).isEqualTo(m.get("ts_log_len").asLong());
        assertThat(sb.allocUnit()).isEqualTo(m.get("ts_alloc_unit").asLong());
        assertThat(sb.omfMajor()).isEqualTo(m.get("ts_omf_ver_major").asInt());
        assertThat(sb.omfMinor()).isEqualTo(m.get("ts_omf_ver_minor").asInt());
        assertThat(sb.fsUuid()).isEqualTo(UUID.fromString(m.get("ts_uuid").asString()));
        assertThat(sb.devUuid()).isEqualTo(UUID.fromString(m.get("ts_dev_uuid").asString()));
        assertThat(sb.systemUuid()).isEqualTo(UUID.fromString(m.get("ts_system_uuid").asString()));
        assertThat(hexAt(image, SuperblockLayout.UUID_OFFSET, 16)).isEqualTo(m.get("ts_uuid_hex").asString());
        assertThat(hexAt(image, SuperblockLayout.DEV_UUID_OFFSET, 16)).isEqualTo(m.get("ts_dev_uuid_hex").asString());
        assertThat(hexAt(image, SuperblockLayout.SYSTEM_UUID_OFFSET, 16))
                .isEqualTo(m.get("ts_system_uuid_hex").asString());
        assertThat(sb.crc()).isEqualTo(m.get("ts_crc").asLong());
        assertThat(view.computedCrc()).isEqualTo(m.get("crc_zlib_over_bytes_0_96").asLong())
                .isEqualTo(m.get("reference_famfs_gen_superblock_crc").asLong());
        assertThat(sb.crcOk()).isTrue();
        assertThat(sb.flags()).isEqualTo(m.get("ts_sb_flags").asInt());
        assertThat(image.get(ValueLayout.JAVA_INT_UNALIGNED, 108) == 0).isEqualTo(m.get("pad_108_112_zero").asBoolean());
        Json dd = m.get("ts_daxdev");
        assertThat(sb.deviceSize()).isEqualTo(dd.get("dd_size").asLong());
        assertThat(sb.daxdevUuid()).isEqualTo(UUID.fromString(dd.get("dd_uuid").asString()));
        assertThat(sb.daxdevName()).isEqualTo(dd.get("dd_daxdev").asString());
        assertThat(allZero(image, SuperblockLayout.SIZE, OmfConstants.LOG_OFFSET))
                .isEqualTo(m.get("bytes_200_to_2MiB_zero").asBoolean());
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void shouldDecodeLogHeaderAsManifest(String name) throws OmfException {
        Json m = GoldenImages.manifest(name).get("log");
        assertThat(m.get("image_offset").asLong()).isEqualTo(OmfConstants.LOG_OFFSET);
        LogHeaderView view = new LogHeaderView(log(name));
        LogHeader h = view.validate();
        assertThat(h.magic()).isEqualTo(m.get("famfs_log_magic").asLong()).isEqualTo(OmfConstants.LOG_MAGIC);
        assertThat(h.length()).isEqualTo(m.get("famfs_log_len").asLong());
        assertThat(h.lastIndex()).isEqualTo(m.get("famfs_log_last_index").asLong())
                .isEqualTo(LogHeaderLayout.lastIndexFor(h.length()));
        assertThat(h.crc()).isEqualTo(m.get("famfs_log_crc").asLong());
        assertThat(view.computedCrc()).isEqualTo(m.get("crc_zlib_over_bytes_0_24").asLong())
                .isEqualTo(m.get("reference_famfs_gen_log_header_crc").asLong());
        assertThat(h.crcOk()).isTrue();
        assertThat(h.nextSeqnum()).isEqualTo(m.get("famfs_log_next_seqnum").asLong());
        assertThat(h.nextIndex()).isEqualTo(m.get("famfs_log_next_index").asLong());
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void shouldDecodeEveryLoggedEntryAndLeaveTheRestZero(String name) throws OmfException {
        Json m = GoldenImages.manifest(name).get("log");
        MemorySegment log = log(name);
        long next = new LogHeaderView(log).nextIndex();
        for (long i = 0; i < next; i++) {
            assertThat(LogEntryView.at(log, i).decode(i).seqnum()).isEqualTo(i);
        }
        boolean restZero = allZero(log, LogHeaderLayout.entryOffset(next), log.byteSize());
        assertThat(restZero).isEqualTo(m.get("bytes_after_last_entry_zero").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void shouldMatchEveryManifestEntryFieldByField(String name) throws OmfException {
        MemorySegment log = log(name);
        for (Json e : GoldenImages.manifest(name).get("log").get("entries").elements()) {
            long index = e.get("index").asLong();
            assertThat(e.get("image_offset").asLong()).isEqualTo(OmfConstants.LOG_OFFSET
                    + LogHeaderLayout.entryOffset(index));
            LogEntryView view = LogEntryView.at(log, index);
            byte[] raw = GoldenImages.hex(e.get("raw_entry_hex").asString());
            assertThat(view.segment().toArray(ValueLayout.JAVA_BYTE)).as("raw bytes of entry %d", index)
                    .isEqualTo(raw);
            assertThat(view.seqnum()).isEqualTo(e.get("seqnum").asLong());
            assertThat(view.type()).isEqualTo(e.get("type").asInt());
            assertThat(view.storedCrc()).isEqualTo(e.get("crc").asLong());
            assertThat(view.computedCrc()).isEqualTo(e.get("crc_zlib_recomputed").asLong());
            assertThat(e.get("reference_famfs_validate_log_entry_errors").asLong()).isZero();
            assertThat(view.segment().get(ValueLayout.JAVA_INT_UNALIGNED, 12) == 0)
                    .isEqualTo(e.get("pad_bytes_12_16_zero").asBoolean());
            LogEntry entry = view.decode(index);
            ManifestEntries.assertFields(entry, e, view.segment());
            assertThat(reencode(entry)).as("re-encoded entry %d", index).isEqualTo(raw);
        }
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void shouldReencodeSuperblockAndLogHeaderByteForByte(String name) {
        MemorySegment image = GoldenImages.image(name);
        MemorySegment sb = MemorySegment.ofArray(new byte[(int) SuperblockLayout.SIZE]);
        sb.fill((byte) 0x5a);
        new SuperblockView(sb).encode(new SuperblockView(image).decode());
        assertThat(sb.mismatch(image.asSlice(0, SuperblockLayout.SIZE))).isEqualTo(-1);
        MemorySegment h = MemorySegment.ofArray(new byte[(int) LogHeaderLayout.SIZE]);
        new LogHeaderView(h).encode(new LogHeaderView(log(name)).decode());
        assertThat(h.mismatch(log(name).asSlice(0, LogHeaderLayout.SIZE))).isEqualTo(-1);
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void shouldServeEachImageAsAFullSizeDevice(String name) throws Exception {
        try (var device = GoldenImages.device(name)) {
            Superblock sb = new SuperblockView(device.segment()).validate();
            assertThat(device.size()).isEqualTo(sb.deviceSize());
            assertThat(device.segment().get(ValueLayout.JAVA_BYTE, device.size() - 1)).isZero();
        }
    }

    static byte[] reencode(LogEntry entry) {
        MemorySegment fresh = MemorySegment.ofArray(new byte[(int) LogEntryLayout.SIZE]);
        fresh.fill((byte) 0x5a); // encode must overwrite every byte, not rely on a zeroed slot
        new LogEntryView(fresh).encode(entry);
        return fresh.toArray(ValueLayout.JAVA_BYTE);
    }

    static MemorySegment log(String name) {
        MemorySegment image = GoldenImages.image(name);
        long len = new SuperblockView(image).logLength();
        return image.asSlice(OmfConstants.LOG_OFFSET, len);
    }

    static String hexAt(MemorySegment s, long offset, long length) {
        return java.util.HexFormat.of().formatHex(s.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE));
    }

    static boolean allZero(MemorySegment s, long from, long to) {
        return MemorySegment.mismatch(s, from, to, MemorySegment.ofArray(new byte[(int) (to - from)]), 0,
                to - from) == -1;
    }
}
