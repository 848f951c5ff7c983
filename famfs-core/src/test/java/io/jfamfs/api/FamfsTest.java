package io.jfamfs.api;

import static io.jfamfs.testing.ShmDevices.GiB;
import static io.jfamfs.testing.ShmDevices.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfamfs.log.FsckReport;
import io.jfamfs.log.SuperblockChangedException;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.Fmap;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.testing.ShmDevices;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FamfsTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final ShmDevices devices = new ShmDevices();

    @Test
    void shouldRunTheReadmeExampleAcrossTwoOpens() throws Exception {
        Path dev = devices.formatted(2 * GiB);
        long n = GiB / 8;
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            assertThat(fs.role()).isEqualTo(Role.MASTER);
            fs.mkdirs("data", 0755, 0, 0);
            FamfsFile f = fs.create("data/matrix.bin", GiB);
            MemorySegment m = f.map();
            assertThat(m.byteSize()).isEqualTo(GiB);
            for (long i = 0; i < n; i++) {
                m.setAtIndex(ValueLayout.JAVA_LONG, i, i * 31);
            }
            try (Famfs other = Famfs.open(dev, devices.client())) {
                FamfsFile g = other.file("data/matrix.bin").orElseThrow();
                assertThat(g.id()).isEqualTo(f.id()).isEqualTo(3);
                MemorySegment r = g.map();
                long sum = 0;
                for (int pass = 0; pass < 2; pass++) { // the first pass also takes the page faults
                    long t0 = System.nanoTime();
                    sum = 0;
                    for (long i = 0; i < n; i++) {
                        sum += r.getAtIndex(ValueLayout.JAVA_LONG, i);
                    }
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("mapped sequential read of 1 GiB, pass %d: %.2f GB/s%n", pass, GiB / s / 1e9);
                }
                assertThat(sum).isEqualTo(31 * (n * (n - 1) / 2));
            }
        }
    }

    @Test
    void shouldGiveAClientAReadOnlyNamespaceAndWritableData() throws Exception {
        Path dev = devices.formatted(64 * MiB);
        try (Famfs master = Famfs.open(dev, devices.master()); Famfs client = Famfs.open(dev, devices.client())) {
            assertThat(client.role()).isEqualTo(Role.CLIENT);
            assertThat(client.readOnly()).isTrue();
            assertThatThrownBy(() -> client.create("x", MiB, 0644, 0, 0))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.is(Errno.EROFS)).isTrue())
                    .hasMessageContaining("only the master (system uuid " + master.superblock().systemUuid());
            assertThatThrownBy(() -> client.mkdir("d", 0755, 0, 0)).hasMessageContaining("client");

            FamfsFile f = master.create("f", 3 * MiB, 0644, 1000, 1000);
            assertThat(client.file("f")).isEmpty();
            assertThat(client.refresh()).isTrue();
            assertThat(client.refresh()).isFalse();
            FamfsFile seen = client.file("f").orElseThrow();
            assertThat(seen.effectiveMode()).isEqualTo(0444);
            assertThat(f.effectiveMode()).isEqualTo(0644);
            seen.map().set(ValueLayout.JAVA_BYTE, 5, (byte) 7); // data is shared both ways
            assertThat(f.map().get(ValueLayout.JAVA_BYTE, 5)).isEqualTo((byte) 7);
        }
    }

    @Test
    void shouldMakeAHostWithoutAUsableSystemUuidAClient() throws Exception {
        Path dev = devices.formatted(64 * MiB);
        Path bad = java.nio.file.Files.writeString(tmp.resolve("bad_uuid"), "not-a-uuid\n");
        try (Famfs fs = Famfs.open(dev, FamfsOptions.builder().systemUuidFile(bad).build());
                Famfs none = Famfs.open(dev, FamfsOptions.builder().systemUuidFile(tmp.resolve("missing")).build())) {
            assertThat(fs.role()).isEqualTo(Role.CLIENT);
            assertThat(none.role()).isEqualTo(Role.CLIENT);
            assertThatThrownBy(() -> fs.mkdir("d", 0755, 0, 0)).hasMessageContaining("unusable (bad system uuid");
            assertThatThrownBy(() -> none.mkdir("d", 0755, 0, 0)).hasMessageContaining("no system uuid file");
        }
        try (Famfs ro = Famfs.open(dev, FamfsOptions.builder().systemUuidFile(devices.masterUuidFile).readOnly(true).build())) {
            assertThat(ro.role()).isEqualTo(Role.MASTER);
            assertThatThrownBy(() -> ro.mkdir("d", 0755, 0, 0)).hasMessageContaining("read-only");
        }
    }

    @Test
    void shouldNoticeThatTheDeviceWasReformatted() throws Exception {
        Path dev = devices.formatted(64 * MiB);
        try (Famfs client = Famfs.open(dev, devices.client())) {
            Famfs.format(dev, FormatOptions.defaults().withForce(true).withSystemUuidFile(devices.clientUuidFile));
            assertThatThrownBy(client::refresh).isInstanceOf(SuperblockChangedException.class)
                    .hasMessageContaining("superblock changed since open");
        }
    }

    @Test
    void shouldRefuseToFormatWithoutForceOrSpace() throws Exception {
        Path dev = devices.formatted(64 * MiB);
        FormatOptions o = FormatOptions.defaults().withSystemUuidFile(devices.masterUuidFile);
        assertThatThrownBy(() -> Famfs.format(dev, o)).hasMessageContaining("already holds a famfs file system")
                .hasMessageContaining("use force");
        assertThatThrownBy(() -> Famfs.format(dev, o.withForce(true).withLogLength(12 * MiB)))
                .hasMessageContaining("power of two");
        Path small = devices.create(16 * MiB);
        assertThatThrownBy(() -> Famfs.format(small, o)).hasMessageContaining("too small")
                .hasMessageContaining("need at least " + Famfs.minimumDeviceSize(8 * MiB));
        Famfs.format(dev, o.withForce(true).withKill(true));
        assertThatThrownBy(() -> Famfs.open(dev, devices.master())).isInstanceOf(NotFamfsException.class)
                .hasMessageContaining("no valid famfs superblock");
    }

    @Test
    void shouldValidatePathsOnCreate() throws Exception {
        Path dev = devices.formatted(64 * MiB);
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            fs.create("f", MiB, 0644, 0, 0);
            assertThat(errno(() -> fs.create("f", MiB, 0644, 0, 0))).isEqualTo(Errno.EEXIST);
            assertThat(errno(() -> fs.create("d/x", MiB, 0644, 0, 0))).isEqualTo(Errno.ENOENT);
            assertThat(errno(() -> fs.create("f/x", MiB, 0644, 0, 0))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> fs.create("../x", MiB, 0644, 0, 0))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> fs.create("x".repeat(80), MiB, 0644, 0, 0))).isEqualTo(Errno.ENAMETOOLONG);
            assertThat(errno(() -> fs.create("z", 0, 0644, 0, 0))).isEqualTo(Errno.EINVAL);
            assertThat(errno(() -> fs.create("big", GiB, 0644, 0, 0))).isEqualTo(Errno.ENOSPC);
            assertThat(errno(() -> fs.mkdirs("f/y", 0755, 0, 0))).isEqualTo(Errno.ENOTDIR);
            assertThat(errno(() -> fs.mkdirs("q//y", 0755, 0, 0))).isEqualTo(Errno.EINVAL);
            assertThat(fs.lookup("q")).isEmpty(); // nothing made before the refusal
            DirNode d = fs.mkdirs("a/b/c", 0755, 0, 0);
            assertThat(d.relpath()).isEqualTo("a/b/c");
            assertThat(fs.mkdirs("a/b", 0755, 0, 0).id()).isEqualTo(fs.lookup("a/b").orElseThrow().id());
            assertThat(fs.list("")).extracting(Node::name).containsExactly("f", "a");
            assertThat(fs.logHeader().nextIndex()).isEqualTo(4);
            assertThat(fs.problems()).isEmpty();
        }
    }

    @Test
    void shouldStitchAnInterleavedFileIntoOneSegment() throws Exception {
        Path dev = devices.formatted(4 * GiB);
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            FamfsFile f = fs.create("striped", 24 * MiB + 5, 0644, 0, 0, new Interleave(4, 3, 2 * MiB));
            Fmap.Interleaved il = (Fmap.Interleaved) f.fmap();
            assertThat(il.strips()).hasSize(3);
            assertThat(f.mappingCount()).isEqualTo(15); // 30 MiB allocated in 2 MiB chunks
            MemorySegment m = f.map();
            assertThat(m.byteSize()).isEqualTo(24 * MiB + 5);
            for (long i = 0; i < m.byteSize(); i += 4096) {
                m.set(ValueLayout.JAVA_LONG_UNALIGNED, Math.min(i, m.byteSize() - 8), i);
            }
            // every chunk lands where the striping rule says: chunk k in strip k%3 at (k/3)*chunk
            for (long k = 0; k < 12; k++) {
                long dev0 = il.strips().get((int) (k % 3)).offset() + (k / 3) * 2 * MiB;
                assertThat(fs.device().segment().get(ValueLayout.JAVA_LONG_UNALIGNED, dev0)).isEqualTo(k * 2 * MiB);
            }
            long[] covered = {0};
            long n = f.forEachDeviceRange(2 * MiB - 3, 10 * MiB, (off, slice) -> {
                assertThat(off).isEqualTo(2 * MiB - 3 + covered[0]);
                assertThat(slice.mismatch(m.asSlice(off, slice.byteSize()))).isEqualTo(-1);
                covered[0] += slice.byteSize();
            });
            assertThat(n).isEqualTo(10 * MiB).isEqualTo(covered[0]);
            assertThat(f.forEachDeviceRange(24 * MiB, MiB, (o, s) -> { })).isEqualTo(5); // clipped to the size
            f.flush();
            f.flush(3 * MiB, 100);
            assertThat(f.extentSegments()).hasSize(3).allSatisfy(x -> assertThat(x.byteSize()).isEqualTo(10 * MiB));
            assertThat(f.extentSegments().get(1).get(ValueLayout.JAVA_LONG_UNALIGNED, 2 * MiB)).isEqualTo(4 * 2 * MiB); // chunk 4
            try (var arena = java.lang.foreign.Arena.ofConfined()) {
                assertThat(f.map(arena).mismatch(m)).isEqualTo(-1);
            }
        }
    }

    @Test
    void shouldReplayToTheNamespaceThatWasBuilt() throws Exception {
        Path dev = devices.formatted(256 * MiB);
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            fs.batch(b -> {
                for (int i = 0; i < 20; i++) {
                    b.mkdir("d" + i, 0755, i, i);
                    b.create("d" + i + "/f", (i + 1) * 100_000L, 0600, i, i);
                }
                return null;
            });
            try (Famfs again = Famfs.open(dev, devices.client())) {
                for (long id = 1; id < 42; id++) {
                    assertThat(again.namespace().find(id).map(FamfsTest::describe))
                            .isEqualTo(fs.namespace().find(id).map(FamfsTest::describe));
                }
                FsckReport r = again.fsck();
                assertThat(r.clean()).isTrue();
                assertThat(r.files()).isEqualTo(20);
                assertThat(r.allocatedBytes()).isEqualTo(fs.allocatedBytes());
                assertThat(again.freeBytes() + again.allocatedBytes()).isEqualTo(256 * MiB - 10 * MiB);
            }
        }
    }

    @Test
    void shouldFsckADeviceWithABadEntryOrABadLogHeader() throws Exception {
        Path dev = devices.formatted(64 * MiB);
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            fs.mkdir("a", 0755, 0, 0);
            fs.create("a/f", MiB, 0644, 0, 0);
            fs.create("g", MiB, 0644, 0, 0);
            MemorySegment log = fs.logRegion();
            log.set(ValueLayout.JAVA_BYTE, 48 + 544 + 20, (byte) 0x55); // corrupt entry 1 (a/f)
        }
        FsckReport r = Famfs.fsck(dev);
        assertThat(r.badEntries()).isEqualTo(1);
        assertThat(r.replayStopIndex()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("bad crc: index=1"));
        assertThat(r.files()).isEqualTo(1); // fsck goes past the bad entry
        try (Famfs fs = Famfs.open(dev, devices.client())) {
            assertThat(fs.lookup("a")).isPresent();
            assertThat(fs.lookup("g")).isEmpty(); // replay stops at the bad entry, as the reference
            assertThat(fs.problems()).singleElement().satisfies(p -> assertThat(p.index()).isEqualTo(1));
        }
        try (Famfs fs = Famfs.open(dev, devices.master())) {
            assertThatThrownBy(() -> fs.mkdir("b", 0755, 0, 0)).hasMessageContaining("bad entry");
            fs.logRegion().set(ValueLayout.JAVA_LONG_UNALIGNED, 0, 0L); // log magic
        }
        assertThatThrownBy(() -> Famfs.open(dev, devices.client())).isInstanceOf(NotFamfsException.class)
                .hasMessageContaining("bad log header");
        assertThat(Famfs.fsck(dev).errors()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("bad log magic"));
    }

    @Test
    void shouldStitchAMultiExtentFileAppendedByAnotherWriter() throws Exception {
        Path dev = devices.formatted(64 * MiB);
        try (Famfs fs = Famfs.open(dev, devices.client())) {
            // another writer (e.g. the reference) logs a file of two extents, the second one first on the device
            MemorySegment log = fs.logRegion();
            new io.jfamfs.omf.LogEntryView(log.asSlice(48, 544)).encode(new io.jfamfs.omf.LogEntry.FileEntry(0, 5 * MiB,
                    2, 0, 0, 0644, io.jfamfs.omf.RelPathBytes.of("two"), new Fmap.Simple(java.util.List.of(
                    new io.jfamfs.omf.SimpleExtent(0, 30 * MiB, 4 * MiB), new io.jfamfs.omf.SimpleExtent(0, 20 * MiB, 2 * MiB)))));
            new io.jfamfs.omf.LogHeaderView(log).setNextSeqnum(1);
            new io.jfamfs.omf.LogHeaderView(log).setNextIndex(1);
            assertThat(fs.refresh()).isTrue();
            FamfsFile f = fs.file("two").orElseThrow();
            assertThat(f.mappingCount()).isEqualTo(2);
            MemorySegment m = f.map();
            assertThat(fs.file("two").orElseThrow().map()).isSameAs(m); // cached
            m.set(ValueLayout.JAVA_INT_UNALIGNED, 4 * MiB - 2, 0x11223344); // straddles the two extents
            MemorySegment d = fs.device().segment();
            assertThat(d.get(ValueLayout.JAVA_SHORT_UNALIGNED, 34 * MiB - 2)).isEqualTo((short) 0x3344);
            assertThat(d.get(ValueLayout.JAVA_SHORT_UNALIGNED, 20 * MiB)).isEqualTo((short) 0x1122);
        }
    }

    static String describe(Node n) {
        return switch (n) {
            case FileNode f -> f.toString();
            case DirNode d -> d.relpath() + " " + d.mode() + " " + d.uid() + " " + d.children().stream().map(Node::id).toList();
        };
    }

    interface Call {
        void run() throws Exception;
    }

    static Errno errno(Call c) {
        try {
            c.run();
        } catch (ErrnoException e) {
            return Errno.ofCode(e.errno());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no exception");
    }
}
