package io.jfamfs.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.alloc.InterleaveParams;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Namespace;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.LogEntryView;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockLayout;
import io.jfamfs.omf.SuperblockView;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.testing.GoldenImages;
import io.jfamfs.testing.Json;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Replays the golden manifests' operations through the append path and compares with the reference. */
class MetadataLogGoldenTest {
    static final long MiB = 1L << 20, GiB = 1L << 30;

    static MetadataLog open(MemorySegment image) throws Exception {
        return open(image, new Random(1));
    }

    static MetadataLog open(MemorySegment image, java.util.random.RandomGenerator random) throws Exception {
        Superblock sb = new SuperblockView(image.asSlice(0, SuperblockLayout.SIZE)).validate();
        return MetadataLog.open(image, sb, Geometry.of(sb.deviceSize(), sb.allocUnit(), sb.logLength()),
                (o, l) -> { }, ProcessLock.none(), null, random);
    }

    /** Runs every op of manifest {@code name} on a fresh empty log of the same size; returns the failures. */
    static List<String> replayOps(MetadataLog log, String name) throws ErrnoException {
        List<String> failed = new ArrayList<>();
        for (Json op : GoldenImages.manifest(name).get("ops").elements()) {
            String kind = op.get("op").asString();
            try {
                switch (kind) {
                    case "__famfs_mkdir" -> log.mkdir(op.get("relpath").asString(),
                            Integer.parseInt(op.get("mode").asString(), 8), op.get("uid").asInt(), op.get("gid").asInt());
                    case "__famfs_mkfile" -> {
                        Json il = op.get("interleave_param");
                        InterleaveParams p = il.get("nbuckets").asInt() == 0 ? null : new InterleaveParams(
                                il.get("nbuckets").asInt(), il.get("nstrips").asInt(), il.get("chunk_size").asLong());
                        log.create(op.get("relpath").asString(), op.get("size").asLong(),
                                Integer.parseInt(op.get("mode").asString(), 8), op.get("uid").asInt(), op.get("gid").asInt(), p);
                    }
                    case "__famfs_add_daxdev" -> log.session(s -> {
                        s.addDaxdev(op.get("dd_size").asLong(), UUID.fromString(op.get("dd_uuid").asString()),
                                op.get("dd_index").asInt());
                        return null;
                    });
                    default -> throw new IllegalArgumentException(kind);
                }
            } catch (ErrnoException e) {
                failed.add(op.get("relpath").asString());
            }
        }
        return failed;
    }

    @Test
    void shouldWriteTheGoldenBasicLogByteForByte() throws Exception {
        MemorySegment dev = GoldenImages.imageCopy("empty");
        MetadataLog log = open(dev);
        assertThat(replayOps(log, "basic")).isEmpty();
        MemorySegment expected = GoldenImages.image("basic");
        long logStart = OmfConstants.LOG_OFFSET;
        long mismatch = dev.asSlice(logStart, 8 * MiB).mismatch(expected.asSlice(logStart, 8 * MiB));
        assertThat(mismatch).as("first differing log byte").isEqualTo(-1);
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void shouldReplayTheInterleaveOpsValidlyStripedAndRefuseTheBadOnes() throws Exception {
        MemorySegment dev = GoldenImages.imageCopy("empty");
        // the interleave manifest's device is 16 GiB: patch dd_size (not CRC-covered) in our copy
        dev.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 112, 16 * GiB);
        MetadataLog log = open(dev, new io.jfamfs.alloc.GlibcRand(1700000000)); // the manifest's srand seed
        assertThat(replayOps(log, "interleave")).containsExactly("stripes/badchunk", "stripes/too_many_strips",
                "stripes/too_many_buckets", "stripes/bucket_lt_1g");
        Namespace ns = log.namespace();
        assertThat(ns.fileCount()).isEqualTo(5);
        for (Json e : GoldenImages.manifest("interleave").get("log").get("entries").elements()) {
            if (!e.has("fmap")) {
                continue;
            }
            FileNode f = (FileNode) ns.find(e.get("fm_relpath").asString()).orElseThrow();
            Json fm = e.get("fmap");
            if (fm.get("fmap_ext_type").asInt() == 0) {
                Json se = fm.get("se").at(0);
                assertThat(f.fmap()).isEqualTo(new Fmap.Simple(List.of(
                        new SimpleExtent(0, se.get("se_offset").asLong(), se.get("se_len").asLong()))));
            } else {
                Json ie = fm.get("ie").at(0);
                Fmap.Interleaved mine = (Fmap.Interleaved) f.fmap();
                assertThat(mine.nstrips()).isEqualTo(ie.get("ie_nstrips").asLong());
                assertThat(mine.chunkSize()).isEqualTo(ie.get("ie_chunk_size").asLong());
                List<SimpleExtent> reference = ie.get("ie_strips").elements().stream().map(x -> new SimpleExtent(0,
                        x.get("se_offset").asLong(), x.get("se_len").asLong())).toList();
                assertThat(mine.strips()).as("same bucket order as glibc rand()").isEqualTo(reference);
                long len = ie.get("ie_strips").at(0).get("se_len").asLong();
                long buckets = f.relpath().equals("stripes/wide") ? 16 : 8;
                long bucketSize = 16 * GiB / buckets;
                assertThat(mine.strips()).allSatisfy(s -> {
                    assertThat(s.length()).isEqualTo(len);
                    assertThat(s.offset() / bucketSize).isEqualTo((s.end() - 1) / bucketSize);
                });
                assertThat(mine.strips().stream().map(s -> s.offset() / bucketSize).distinct()).hasSize((int) mine.nstrips());
            }
        }
        assertThat(log.problems()).isEmpty();
        assertThat(log.fsck().collisions()).isZero();
    }

    @Test
    void shouldReplayEveryGoldenImageLikeTheReference() throws Exception {
        for (String name : GoldenImages.NAMES) {
            MetadataLog log = open(GoldenImages.imageCopy(name));
            Json bitmap = GoldenImages.manifest(name).get("log").has("reference_bitmap")
                    ? GoldenImages.manifest(name).get("log").get("reference_bitmap") : null;
            FsckReport f = log.fsck();
            assertThat(f.badEntries()).as(name).isZero();
            if (bitmap != null) {
                assertThat(f.files()).as(name).isEqualTo(bitmap.get("f_logged").asLong());
                assertThat(f.directories()).as(name).isEqualTo(bitmap.get("d_logged").asLong());
                long reserved = f.superblock().logLength() + 2 * MiB; // the reference's sum includes it
                assertThat(f.allocatedBytes() + reserved).as(name).isEqualTo(bitmap.get("alloc_sum_bytes").asLong());
            }
            if (name.equals("paths")) {
                // the reference truncated 80- and 101-char names to 79 bytes, so those are valid here
                assertThat(log.problems()).as(name).isEmpty();
            } else {
                assertThat(log.problems()).as(name).isEmpty();
            }
        }
    }

    @Test
    void shouldRefuseTheAppendAfterTheLastSlot() throws Exception {
        MetadataLog log = open(GoldenImages.imageCopy("logfull"));
        assertThat(log.namespace().directoryCount()).isEqualTo(15420);
        assertThatThrownBy(() -> log.mkdir("one-more", 0755, 0, 0)).isInstanceOf(ErrnoException.class)
                .hasMessage("log full: all 15420 entries are used (log length 8 MiB)");
    }

    @Test
    void shouldFitExactlyLastIndexPlusOneEntries() throws Exception {
        MemorySegment dev = GoldenImages.imageCopy("logfull");
        // roll the log back by one entry: the last slot must still be usable
        io.jfamfs.omf.LogHeaderView h = new io.jfamfs.omf.LogHeaderView(dev.asSlice(OmfConstants.LOG_OFFSET, 8 * MiB));
        h.setNextIndex(15419);
        h.setNextSeqnum(15419);
        MetadataLog log = open(dev);
        log.mkdir("last", 0755, 0, 0);
        assertThat(log.namespace().find("last").orElseThrow().id()).isEqualTo(15419 + 2);
        assertThatThrownBy(() -> log.mkdir("one-more", 0755, 0, 0)).hasMessageStartingWith("log full");
    }

    @Test
    void shouldHealTheCountersOfAWriterThatDiedBetweenThem() throws Exception {
        MemorySegment dev = GoldenImages.imageCopy("basic");
        io.jfamfs.omf.LogHeaderView h = new io.jfamfs.omf.LogHeaderView(dev.asSlice(OmfConstants.LOG_OFFSET, 8 * MiB));
        h.setNextSeqnum(10); // next_index stays 9: the reference would now log seqnum 10 into slot 9
        MetadataLog log = open(dev);
        log.mkdir("after-crash", 0755, 0, 0);
        assertThat(io.jfamfs.omf.LogEntryView.at(dev.asSlice(OmfConstants.LOG_OFFSET, 8 * MiB), 9).decode(9).seqnum()).isEqualTo(9);
        assertThat(h.nextSeqnum()).isEqualTo(10);
        assertThat(h.nextIndex()).isEqualTo(10);
        assertThat(open(dev).namespace().find("after-crash")).isPresent();
    }

    @Test
    void shouldNotAllocateUnitsThatARejectedEntryClaims() throws Exception {
        MemorySegment dev = GoldenImages.imageCopy("empty");
        MemorySegment logBytes = dev.asSlice(OmfConstants.LOG_OFFSET, 8 * MiB);
        io.jfamfs.omf.LogHeaderView h = new io.jfamfs.omf.LogHeaderView(logBytes);
        // another writer logged a file whose relpath we reject ('..'), on units 5..7
        LogEntryView.at(logBytes, 0).encode(new io.jfamfs.omf.LogEntry.FileEntry(0, 6 * MiB, 2, 0, 0, 0644,
                io.jfamfs.omf.RelPathBytes.of("../escape"), new Fmap.Simple(List.of(new SimpleExtent(0, 10 * MiB, 6 * MiB)))));
        h.setNextSeqnum(1);
        h.setNextIndex(1);
        MetadataLog log = open(dev);
        assertThat(log.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("'..' component"));
        FileNode f = log.create("mine", MiB, 0644, 0, 0, null);
        assertThat(f.fmap()).isEqualTo(new Fmap.Simple(List.of(new SimpleExtent(0, 16 * MiB, 2 * MiB))));
    }

    @Test
    void shouldReplayAFullLogQuickly() throws Exception {
        MemorySegment dev = GoldenImages.imageCopy("logfull");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 30; i++) {
            long t0 = System.nanoTime();
            MetadataLog log = open(dev);
            best = Math.min(best, System.nanoTime() - t0);
            assertThat(log.position()).isEqualTo(15420);
        }
        System.out.printf("replay of logfull (15420 entries): best %.2f ms%n", best / 1e6);
        assertThat(best).isLessThan(200_000_000L); // goal < 50 ms; the bound leaves room for a loaded CI machine
    }
}
