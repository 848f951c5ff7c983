package io.jfamfs.fuse.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the GET_FMAP encoder with the {@code fmap_msg_hex} the reference daemon produced for every
 * FILE entry of the golden manifests (copied from shared/testdata/omf into test resources).
 */
class FmapCodecTest {
    private static final Pattern SIZE = Pattern.compile("\"fm_size\": (\\d+)");
    private static final Pattern EXT_TYPE = Pattern.compile("\"fmap_ext_type\": (\\d+)");
    private static final Pattern EXTENT =
            Pattern.compile("\\{\"se_devindex\": (\\d+), \"se_offset\": (\\d+), \"se_len\": (\\d+)}");
    private static final Pattern IEXT = Pattern.compile("\"ie_nstrips\": (\\d+), \"ie_chunk_size\": (\\d+)");
    private static final Pattern HEX = Pattern.compile("\"fmap_msg_hex\": \"([0-9a-f]+)\"");

    private final MemorySegment buf = Arena.ofAuto().allocate(4096);

    record Golden(String where, DaxFmap fmap, String hex) {
    }

    /** Reads (file size, fmap, reference message) triples from a manifest, one JSON entry per few lines. */
    static List<Golden> load(String name) throws IOException {
        String json;
        try (InputStream in = FmapCodecTest.class.getResourceAsStream("/omf/" + name + ".json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Golden> out = new ArrayList<>();
        long size = -1;
        DaxFmap.Layout layout = null;
        for (String line : json.split("\n")) {
            Matcher m = SIZE.matcher(line);
            if (m.find()) {
                size = Long.parseLong(m.group(1));
            }
            if (line.contains("\"fmap\": {")) {
                layout = parseLayout(line);
            }
            Matcher h = HEX.matcher(line);
            if (h.find()) {
                out.add(new Golden(name + " entry " + out.size(), new DaxFmap(0, size, layout), h.group(1)));
            }
        }
        return out;
    }

    private static DaxFmap.Layout parseLayout(String line) {
        Matcher t = EXT_TYPE.matcher(line);
        t.find();
        List<DaxFmap.Extent> extents = new ArrayList<>();
        Matcher e = EXTENT.matcher(line);
        while (e.find()) {
            extents.add(new DaxFmap.Extent(Long.parseLong(e.group(1)), Long.parseLong(e.group(2)),
                    Long.parseLong(e.group(3))));
        }
        if (Integer.parseInt(t.group(1)) == 0) {
            return new DaxFmap.Simple(extents);
        }
        Matcher i = IEXT.matcher(line);
        i.find();
        return new DaxFmap.Interleaved(List.of(new DaxFmap.Stripes(Long.parseLong(i.group(2)), -1, extents)));
    }

    /** The reference writes {@code ie_nbytes} = the file size; fill it in once the size is known. */
    private static DaxFmap withNbytes(DaxFmap f) {
        if (f.layout() instanceof DaxFmap.Interleaved i) {
            DaxFmap.Stripes s = i.iexts().getFirst();
            return new DaxFmap(f.fileType(), f.fileSize(), new DaxFmap.Interleaved(
                    List.of(new DaxFmap.Stripes(s.chunkSize(), f.fileSize(), s.strips()))));
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "interleave", "paths"})
    void shouldEncodeEveryGoldenFileExactlyAsTheReference(String manifest) throws IOException {
        List<Golden> goldens = load(manifest);
        assertThat(goldens).isNotEmpty();
        for (Golden g : goldens) {
            long n = FmapCodec.encode(withNbytes(g.fmap()), buf);
            assertThat(Hex.of(buf, n)).as(g.where()).isEqualTo(g.hex());
        }
    }

    @Test
    void shouldCoverSimpleAndInterleavedGoldens() throws IOException {
        List<Golden> all = load("interleave");
        assertThat(all).extracting(g -> g.fmap().layout().getClass().getSimpleName())
                .contains("Simple", "Interleaved");
    }

    /**
     * Where the reference is wrong: a strip on daxdev 2. The reference writes its private
     * fmap_simple_ext (tag u16 @0, devindex u16 @2) giving {@code 00 00 02 00}, which the kernel's
     * fuse_famfs_simple_ext (devindex u32 @0) reads as devindex 0x20000. We write {@code 02 00 00 00}.
     */
    @Test
    void shouldPutAStripDevindexAtByteZeroAsTheKernelReadsIt() {
        DaxFmap f = new DaxFmap(0, 4L << 20, new DaxFmap.Interleaved(List.of(new DaxFmap.Stripes(2L << 20, 4L << 20,
                List.of(new DaxFmap.Extent(2, 0x4000_0000L, 2L << 20), new DaxFmap.Extent(0, 0x8000_0000L, 2L << 20))))));
        long n = FmapCodec.encode(f, buf);
        assertThat(n).isEqualTo(32 + 24 + 2 * 24);
        assertThat(Hex.of(buf, n)).isEqualTo(Hex.of(Hex.segment("""
                00 00 0100 01000000 01000000 00000000   # REG, version 1, INTERLEAVE, 1 iext, reserved0
                00004000 00000000 00000000 00000000     # file_size=4 MiB, reserved1
                02000000 00002000 00004000 00000000     # nstrips=2 chunk=2 MiB nbytes=4 MiB
                00000000 00000000
                02000000 00000000                       # devindex=2 at byte 0 (reference: 00000200)
                00000040 00000000 00002000 00000000     # offset=1 GiB len=2 MiB
                00000000 00000000 00000080 00000000 00002000 00000000   # devindex 0, offset=2 GiB
                """), n));
    }

    /** The reference truncates a 64-bit chunk size into ie_chunk_size (u32); we refuse instead. */
    @Test
    void shouldRefuseAChunkSizeThatDoesNotFitTheKernelField() {
        DaxFmap f = new DaxFmap(0, 8L << 30, new DaxFmap.Interleaved(List.of(new DaxFmap.Stripes(4L << 30, 8L << 30,
                List.of(new DaxFmap.Extent(0, 0, 4L << 30), new DaxFmap.Extent(0, 4L << 30, 4L << 30))))));
        assertThatThrownBy(() -> FmapCodec.encode(f, buf)).hasMessageContaining("ie_chunk_size");
    }

    @Test
    void shouldEncodeTheDaxdevReply() {
        long n = FmapCodec.encodeDaxdev(buf, 0, "/dev/dax0.0");
        assertThat(n).isEqualTo(280);
        assertThat(Hex.of(buf, 32)).isEqualTo(
                "0000000000000000000000000000000000000000000000002f6465762f646178");
        assertThat(buf.getString(24)).isEqualTo("/dev/dax0.0");
    }
}
