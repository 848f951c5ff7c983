package io.jfamfs.omf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.testing.GoldenImages;
import io.jfamfs.testing.Json;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Formats device prefixes as the reference mkfs did for the golden {@code empty*} images. */
class FormatterTest {

    static Formatter.Params paramsOf(String name) {
        Json m = GoldenImages.manifest(name);
        Json sb = m.get("superblock");
        return new Formatter.Params(m.get("mkfs_call").get("device_size").asLong(),
                m.get("mkfs_call").get("log_len").asLong(), UUID.fromString(sb.get("ts_uuid").asString()),
                UUID.fromString(sb.get("ts_dev_uuid").asString()), UUID.fromString(sb.get("ts_system_uuid").asString()),
                m.get("mkfs_call").get("daxdev").asString());
    }

    /**
     * The whole prefix is identical, including the fields the reference leaves uninitialised
     * ({@code ts_sb_flags}, padding, {@code dd_uuid}): its mock device was zeroed, and we write zeros.
     */
    @ParameterizedTest
    @ValueSource(strings = {"empty", "empty-log16m"})
    void shouldWriteTheSameBytesAsReferenceMkfs(String name) {
        MemorySegment golden = GoldenImages.image(name);
        MemorySegment device = MemorySegment.ofArray(new byte[(int) golden.byteSize()]);
        Formatter.format(device, paramsOf(name));
        assertThat(device.mismatch(golden)).isEqualTo(-1);
    }

    @Test
    void shouldDefineFieldsTheReferenceLeavesStaleAndKeepTheRestOfTheRegion() {
        MemorySegment golden = GoldenImages.image("empty");
        MemorySegment device = MemorySegment.ofArray(new byte[(int) golden.byteSize()]);
        device.fill((byte) 0xaa); // the reference's behaviour test pre-fills with 0xAA, too
        Formatter.format(device, paramsOf("empty"));
        // superblock struct and the whole log match; the reference would have left 0xaaaaaaaa in sb_flags
        assertThat(MemorySegment.mismatch(device, 0, SuperblockLayout.SIZE, golden, 0, SuperblockLayout.SIZE))
                .isEqualTo(-1);
        long logEnd = golden.byteSize();
        assertThat(MemorySegment.mismatch(device, OmfConstants.LOG_OFFSET, logEnd, golden, OmfConstants.LOG_OFFSET,
                logEnd)).isEqualTo(-1);
        // bytes [200, 2 MiB) are not the superblock's; mkfs does not touch them
        assertThat(device.get(ValueLayout.JAVA_BYTE, SuperblockLayout.SIZE)).isEqualTo((byte) 0xaa);
        assertThat(device.get(ValueLayout.JAVA_BYTE, OmfConstants.LOG_OFFSET - 1)).isEqualTo((byte) 0xaa);
    }

    @Test
    void shouldValidateWhatItFormats() throws OmfException {
        MemorySegment device = MemorySegment.ofArray(new byte[(int) Formatter.reservedLength(2L << 20)]);
        UUID fs = UUID.randomUUID();
        Formatter.format(device, new Formatter.Params(64L << 20, 2L << 20, fs, UUID.randomUUID(),
                UUID.randomUUID(), "/dev/shm/famfs0"));
        Superblock sb = new SuperblockView(device).validate();
        assertThat(sb.fsUuid()).isEqualTo(fs);
        assertThat(sb.flags()).isZero();
        assertThat(sb.daxdevUuid()).isEqualTo(new UUID(0, 0));
        LogHeader h = new LogHeaderView(device.asSlice(OmfConstants.LOG_OFFSET)).validate();
        assertThat(h.lastIndex()).isEqualTo(((2L << 20) - 48) / 544 - 1);
        assertThat(h.nextIndex()).isZero();
    }

    @Test
    void shouldStrncpyALongDeviceNameWithoutNul() {
        String name = "/dev/shm/" + "x".repeat(80);
        MemorySegment device = MemorySegment.ofArray(new byte[(int) Formatter.reservedLength(2L << 20)]);
        Formatter.format(device, new Formatter.Params(64L << 20, 2L << 20, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), name));
        assertThat(new SuperblockView(device).decode().daxdevName()).isEqualTo(name.substring(0, 64));
        // the byte after the field is the end of the struct: nothing spilled past 200
        assertThat(device.get(ValueLayout.JAVA_BYTE, SuperblockLayout.SIZE)).isZero();
    }

    @Test
    void shouldKillOnlyTheMagic() {
        MemorySegment device = GoldenImages.imageCopy("basic");
        Formatter.kill(device);
        MemorySegment golden = GoldenImages.image("basic");
        assertThat(MemorySegment.mismatch(device, 8, device.byteSize(), golden, 8, golden.byteSize())).isEqualTo(-1);
        assertThatThrownBy(() -> new SuperblockView(device).validate()).isInstanceOf(OmfException.class)
                .extracting(e -> ((OmfException) e).reason()).isEqualTo(OmfException.Reason.NO_SUPERBLOCK);
    }

    @Test
    void shouldRefuseImpossibleGeometry() {
        UUID u = UUID.randomUUID();
        assertThatThrownBy(() -> new Formatter.Params(64L << 20, 3L << 20 | 1, u, u, u, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logLength");
        assertThatThrownBy(() -> new Formatter.Params(8L << 20, 8L << 20, u, u, u, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deviceSize=8388608");
        MemorySegment small = MemorySegment.ofArray(new byte[1 << 20]);
        assertThatThrownBy(() -> Formatter.format(small, new Formatter.Params(64L << 20, 2L << 20, u, u, u, "d")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need=");
    }
}
