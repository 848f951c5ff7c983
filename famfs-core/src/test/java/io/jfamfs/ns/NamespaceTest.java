package io.jfamfs.ns;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.LogEntry;
import io.jfamfs.omf.RelPathBytes;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.sys.Errno;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NamespaceTest {
    static final long MiB = 1L << 20, GiB = 1L << 30;
    final Namespace ns = new Namespace(Geometry.of(8 * GiB, 2 * MiB, 8 * MiB));

    static LogEntry.MkdirEntry dir(String path) {
        return new LogEntry.MkdirEntry(0, 0, 0, 0755, RelPathBytes.of(path));
    }

    static LogEntry.FileEntry file(String path, long size, long offset, long len) {
        return new LogEntry.FileEntry(0, size, 2, 0, 0, 0644, RelPathBytes.of(path),
                new Fmap.Simple(List.of(new SimpleExtent(0, offset, len))));
    }

    static LogEntry.FileEntry striped(String path, long size, long nstrips, long chunk, long... offsets) {
        List<SimpleExtent> strips = java.util.Arrays.stream(offsets).mapToObj(o -> new SimpleExtent(0, o, 4 * MiB)).toList();
        return new LogEntry.FileEntry(0, size, 2, 0, 0, 0644, RelPathBytes.of(path), new Fmap.Interleaved(nstrips, chunk, strips));
    }

    private String reject(long index, LogEntry e) {
        Optional<Rejection> r = ns.apply(index, e);
        assertThat(r).as("rejection of %s", e).isPresent();
        return r.get().reason();
    }

    @Test
    void shouldGiveEveryNodeTheIdOfItsEntryPlusTwo() {
        assertThat(ns.apply(0, dir("a"))).isEmpty();
        assertThat(ns.apply(1, file("a/f", MiB, 10 * MiB, 2 * MiB))).isEmpty();
        assertThat(ns.apply(2, dir("b"))).isEmpty();
        assertThat(ns.find("a").orElseThrow().id()).isEqualTo(2);
        assertThat(ns.find("a/f").orElseThrow().id()).isEqualTo(3);
        assertThat(ns.find(2, "f").orElseThrow()).isInstanceOf(FileNode.class);
        assertThat(ns.find(4).orElseThrow().relpath()).isEqualTo("b");
        assertThat(ns.root().children()).extracting(Node::name).containsExactly("a", "b");
        assertThat(ns.fileCount()).isEqualTo(1);
        assertThat(ns.directoryCount()).isEqualTo(2);
        assertThat(ns.allocatedBytes()).isEqualTo(2 * MiB);
        assertThat(ns.freeBytes()).isEqualTo(8 * GiB - 12 * MiB);
    }

    @Test
    void shouldRejectBadPathsWithAPreciseReason() {
        ns.apply(0, dir("d"));
        ns.apply(1, file("f", 1, 10 * MiB, 2 * MiB));
        assertThat(reject(2, dir(""))).isEqualTo("empty relpath");
        assertThat(reject(2, dir("/abs"))).startsWith("relpath is absolute");
        assertThat(reject(2, dir("d/../x"))).startsWith("relpath has a '..' component");
        assertThat(reject(2, dir("./x"))).startsWith("relpath has a '.' component");
        assertThat(reject(2, dir("d//x"))).startsWith("relpath has an empty component");
        assertThat(reject(2, dir(".meta"))).startsWith("relpath is inside the reserved .meta directory");
        assertThat(reject(2, file(".meta/x", 1, 12 * MiB, 2 * MiB))).startsWith("relpath is inside the reserved");
        assertThat(ns.apply(2, dir(".metadata"))).isEmpty();                // only the exact name is reserved
        assertThat(reject(2, dir("d/"))).startsWith("relpath has an empty component");
        assertThat(reject(2, dir("d"))).isEqualTo("path already exists: d");
        assertThat(reject(2, dir("nope/x"))).startsWith("parent directory does not exist: nope");
        assertThat(reject(2, dir("f/x"))).startsWith("parent is not a directory: f");
        assertThat(reject(2, dir("x".repeat(80)))).startsWith("relpath is 80 bytes with no NUL");
        assertThat(reject(2, new LogEntry.MkdirEntry(2, 0, 0, 0755, RelPathBytes.of(new byte[] {'a', (byte) 0xff}))))
                .isEqualTo("relpath is not valid UTF-8: hex=61ff");
        assertThat(ns.apply(2, dir("x".repeat(79)))).isEmpty();
        assertThat(ns.find(4).orElseThrow().relpath()).hasSize(79); // rejected tries at index 2 left nothing behind
    }

    @Test
    void shouldRejectBadExtentsWithAPreciseReason() {
        ns.apply(0, file("a", MiB, 10 * MiB, 2 * MiB));
        assertThat(reject(1, file("b", MiB, 10 * MiB, 2 * MiB))).endsWith("overlaps another file");
        assertThat(reject(1, file("b", MiB, 4 * MiB, 2 * MiB))).contains("reserved region");
        assertThat(reject(1, file("b", MiB, 8 * GiB, 2 * MiB))).contains("outside the device");
        assertThat(reject(1, file("b", MiB, Long.MAX_VALUE - MiB * 2 + 1, 2 * MiB))).contains("outside the device");
        assertThat(reject(1, file("b", MiB, 12 * MiB + 4096, 2 * MiB))).contains("not a positive multiple");
        assertThat(reject(1, file("b", 0, 12 * MiB, 2 * MiB))).isEqualTo("file size must be positive: size=0");
        assertThat(reject(1, file("b", 2 * MiB + 1, 12 * MiB, 2 * MiB))).isEqualTo("extents hold 2097152 bytes, less than the file size 2097153");
        assertThat(reject(1, new LogEntry.FileEntry(1, 1, 2, 0, 0, 0644, RelPathBytes.of("b"), new Fmap.Simple(List.of()))))
                .contains("needs 1 to 16 extents");
        assertThat(reject(1, new LogEntry.FileEntry(1, 1, 2, 0, 0, 0644, RelPathBytes.of("b"), new Fmap.Simple(
                List.of(new SimpleExtent(0, 12 * MiB, 4 * MiB), new SimpleExtent(0, 14 * MiB, 2 * MiB))))))
                .startsWith("extents overlap each other");
        assertThat(reject(1, striped("b", 8 * MiB, 3, 2 * MiB, GiB, 2 * GiB))).contains("nstrips is 3 but 2 strips");
        assertThat(reject(1, striped("b", 8 * MiB, 2, 3 * MiB, GiB, 2 * GiB))).contains("chunk size");
        assertThat(reject(1, striped("b", 8 * MiB + 1, 2, 2 * MiB, GiB, 2 * GiB))).contains("less than the file size");
        assertThat(ns.apply(1, striped("b", 8 * MiB, 2, 2 * MiB, GiB, 2 * GiB))).isEmpty();
        assertThat(ns.fileCount()).isEqualTo(2);
    }

    @Test
    void shouldCheckDaxdevIndexAndUuid() {
        UUID u = UUID.randomUUID();
        assertThat(ns.apply(0, new LogEntry.AddDaxdevEntry(0, GiB, u, 1))).isEmpty();
        assertThat(ns.apply(1, new LogEntry.AddDaxdevEntry(1, GiB, u, 2)).orElseThrow().errno()).isEqualTo(Errno.EEXIST);
        assertThat(ns.apply(1, new LogEntry.AddDaxdevEntry(1, GiB, UUID.randomUUID(), 5)).orElseThrow().errno()).isEqualTo(Errno.ERANGE);
        assertThat(ns.daxdevs()).hasSize(1);
    }

    @Test
    void shouldCheckNewPathsForTheApi() {
        ns.apply(0, dir("d"));
        assertThat(ns.checkNewPath("d/x")).isEmpty();
        assertThat(ns.checkNewPath("d").orElseThrow().errno()).isEqualTo(Errno.EEXIST);
        assertThat(ns.checkNewPath("q/x").orElseThrow().errno()).isEqualTo(Errno.ENOENT);
        assertThat(ns.checkNewPath("é".repeat(40)).orElseThrow().errno()).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(ns.checkNewPath("../x").orElseThrow().errno()).isEqualTo(Errno.EINVAL);
    }

    @Test
    void shouldLetReadersListWhileOneThreadApplies() throws Exception {
        int n = 20_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                int seen = 0;
                while (seen < n) {
                    List<Node> kids = ns.root().children();
                    for (int i = seen; i < kids.size(); i++) {
                        Node k = kids.get(i);
                        assertThat(k.id()).isEqualTo(i + 2);
                        assertThat(ns.find(k.id())).containsSame(k);
                        assertThat(ns.find(k.relpath())).containsSame(k);
                    }
                    seen = kids.size();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        for (int i = 0; i < n; i++) {
            ns.apply(i, dir("d" + i));
        }
        reader.join(10_000);
        assertThat(failure.get()).isNull();
        assertThat(ns.root().childCount()).isEqualTo(n);
    }
}
