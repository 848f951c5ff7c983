package io.jfamfs.famfs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.fuse.kernel.FmapCodec;
import io.jfamfs.ns.FileNode;
import io.jfamfs.testing.GoldenImages;
import io.jfamfs.testing.Json;
import io.jfamfs.testing.ShmDevices;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The daemon's GET_FMAP answer for every file of the reference golden images: replay the image with
 * the api, map each file's omf fmap to the reply values, encode, and compare with the message the
 * reference daemon produced ({@code fmap_msg_hex}).
 */
class GoldenFmapTest {
    @ParameterizedTest
    @ValueSource(strings = {"basic", "interleave", "paths"})
    void shouldAnswerGetFmapAsTheReferenceDaemonForEveryGoldenFile(String name) throws IOException {
        Json manifest = GoldenImages.manifest(name);
        try (ShmDevices devices = new ShmDevices()) {
            Path dev = devices.golden(name);
            int checked = 0;
            try (Famfs fs = Famfs.open(dev, FamfsOptions.builder().readOnly(true).build());
                    Arena arena = Arena.ofConfined()) {
                MemorySegment buf = arena.allocate(4096);
                for (Json e : manifest.get("log").get("entries").elements()) {
                    if (!e.has("fmap_msg_hex")) {
                        continue;
                    }
                    var node = fs.lookup(e.get("fm_relpath").asString());
                    if (node.isEmpty()) {
                        continue; // an entry the strict replay rejects (see the paths image)
                    }
                    long n = FmapCodec.encode(Attributes.fmap((FileNode) node.get()), buf);
                    assertThat(HexFormat.of().formatHex(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE)))
                            .as(name + " " + e.get("fm_relpath").asString())
                            .isEqualTo(e.get("fmap_msg_hex").asString());
                    checked++;
                }
            }
            assertThat(checked).isPositive();
        }
    }
}
