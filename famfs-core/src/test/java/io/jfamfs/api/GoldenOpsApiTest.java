package io.jfamfs.api;

import static io.jfamfs.testing.ShmDevices.GiB;
import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.alloc.GlibcRand;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.testing.GoldenImages;
import io.jfamfs.testing.Json;
import io.jfamfs.testing.ShmDevices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the golden manifests' operations through the public API on a fresh emulated device of the
 * manifest's size and compares every file's extents with what the reference allocated.
 */
class GoldenOpsApiTest {
    @RegisterExtension
    final ShmDevices devices = new ShmDevices();

    @Test
    void shouldAllocateTheBasicFilesExactlyAsTheReference() throws Exception {
        assertThat(run("basic")).isEmpty();
    }

    @Test
    void shouldStripeTheInterleaveFilesExactlyAsTheReferenceWithItsSeed() throws Exception {
        assertThat(run("interleave")).containsExactly("stripes/badchunk", "stripes/too_many_strips",
                "stripes/too_many_buckets", "stripes/bucket_lt_1g");
    }

    /** Replays manifest {@code name}'s ops; checks the extents; returns the relpaths that were refused. */
    private List<String> run(String name) throws Exception {
        Json manifest = GoldenImages.manifest(name);
        Path dev = devices.create(manifest.get("mkfs_call").get("device_size").asLong());
        Famfs.format(dev, FormatOptions.defaults().withSystemUuidFile(devices.masterUuidFile));
        List<String> refused = new ArrayList<>();
        FamfsOptions o = FamfsOptions.builder().systemUuidFile(devices.masterUuidFile)
                .random(new GlibcRand(1700000000)).build(); // the manifests' srand() seed
        try (Famfs fs = Famfs.open(dev, o)) {
            for (Json op : manifest.get("ops").elements()) {
                int mode = op.has("mode") ? Integer.parseInt(op.get("mode").asString(), 8) : 0;
                try {
                    switch (op.get("op").asString()) {
                        case "__famfs_mkdir" -> fs.mkdir(op.get("relpath").asString(), mode, op.get("uid").asInt(),
                                op.get("gid").asInt());
                        case "__famfs_mkfile" -> {
                            Json il = op.get("interleave_param");
                            Interleave i = il.get("nbuckets").asInt() == 0 ? null : new Interleave(il.get("nbuckets").asInt(),
                                    il.get("nstrips").asInt(), il.get("chunk_size").asLong());
                            fs.create(op.get("relpath").asString(), op.get("size").asLong(), mode, op.get("uid").asInt(),
                                    op.get("gid").asInt(), i);
                        }
                        default -> { } // ADD_DAXDEV allocates nothing
                    }
                } catch (ErrnoException e) {
                    refused.add(op.get("relpath").asString());
                }
            }
            for (Json e : manifest.get("log").get("entries").elements()) {
                if (e.has("fmap")) {
                    FamfsFile f = fs.file(e.get("fm_relpath").asString()).orElseThrow();
                    assertThat(f.size()).isEqualTo(e.get("fm_size").asLong());
                    assertThat(f.mode()).isEqualTo(e.get("fm_mode_decimal").asInt());
                    assertThat(f.fmap()).as(f.relpath()).isEqualTo(referenceFmap(e.get("fmap")));
                }
            }
            assertThat(fs.fsck().clean()).isTrue();
        }
        return refused;
    }

    private static Fmap referenceFmap(Json fm) {
        if (fm.get("fmap_ext_type").asInt() == 0) {
            return new Fmap.Simple(extents(fm.get("se")));
        }
        Json ie = fm.get("ie").at(0);
        return new Fmap.Interleaved(ie.get("ie_nstrips").asLong(), ie.get("ie_chunk_size").asLong(), extents(ie.get("ie_strips")));
    }

    private static List<SimpleExtent> extents(Json list) {
        return list.elements().stream().map(x -> new SimpleExtent(x.get("se_devindex").asLong(), x.get("se_offset").asLong(),
                x.get("se_len").asLong())).toList();
    }
}
