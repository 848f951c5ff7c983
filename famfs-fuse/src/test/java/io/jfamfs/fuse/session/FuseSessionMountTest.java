package io.jfamfs.fuse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jfamfs.sys.Posix;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mounts the in-memory test file system in a temporary directory and uses it as a program would. */
class FuseSessionMountTest {
    @TempDir
    Path mnt;
    private MemoryFileSystem fs;
    private FuseSession session;
    private MemoryFileSystem.Node big;
    private MemoryFileSystem.Node cached;

    static void assumeFuse() {
        assumeTrue(Files.isReadable(Path.of("/dev/fuse")) && Files.isWritable(Path.of("/dev/fuse")),
                "/dev/fuse is missing or not accessible");
        assumeTrue("root".equals(System.getProperty("user.name")), "mount(2) needs root");
    }

    @BeforeEach
    void mount() throws IOException {
        assumeFuse();
        fs = new MemoryFileSystem();
        fs.addFile(1, "hello.txt", fs.nativeText("hello world\n"), Duration.ZERO);
        big = fs.addFile(1, "big.bin", fs.arena.allocate(3L << 20), Duration.ZERO);
        for (long i = 0; i < big.data().byteSize() / 8; i++) {
            big.data().setAtIndex(ValueLayout.JAVA_LONG, i, i * 0x9E3779B97F4A7C15L);
        }
        fs.addFile(1, "split.bin", fs.nativeText("0123456789abcdef"), Duration.ZERO);
        fs.addFile(1, "heap.txt", MemorySegment.ofArray("on the heap\n".getBytes(StandardCharsets.UTF_8)),
                Duration.ZERO);
        fs.addFile(1, "boom", fs.nativeText("never read"), Duration.ZERO);
        cached = fs.addFile(1, "cached.txt", fs.nativeText("12345"), Duration.ofHours(1));
        MemoryFileSystem.Node sub = fs.addDir(1, "sub");
        fs.addFile(sub.id(), "inner.txt", fs.nativeText("inner\n"), Duration.ZERO);
        session = FuseSession.mount(fs, MountOptions.of("memfs-test", mnt));
    }

    @AfterEach
    void unmount() throws Exception {
        try {
            if (session != null) {
                session.close();
                assertThat(session.awaitTermination(Duration.ofSeconds(5))).isTrue();
            }
        } finally {
            try {
                Posix.umount2(mnt.toString(), Posix.MNT_DETACH);
            } catch (IOException ignored) {
                // already unmounted: the normal case
            }
            if (fs != null) {
                fs.arena.close();
            }
        }
    }

    @Test
    void shouldNegotiateTheRecommendedCapabilities() {
        Capabilities c = session.capabilities();
        assertThat(c.minor()).isEqualTo(Math.min(c.kernelMinor(), 45));
        assertThat(c.maxWrite()).isEqualTo(1 << 20);
        assertThat(c.has(io.jfamfs.fuse.kernel.InitFlags.MAX_PAGES)).isTrue();
        assertThat(c.has(io.jfamfs.fuse.kernel.InitFlags.WRITEBACK_CACHE)).isFalse();
        assertThat(c.daxFmapOffered()).isFalse(); // a stock kernel
        assertThat(session.threadCount()).isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void shouldRaiseTheReadaheadOfTheMount() throws IOException {
        Path knob = Path.of("/sys/class/bdi", FuseControl.majorMinor(FuseControl.deviceOf(mnt)), "read_ahead_kb");
        assertThat(Files.readString(knob).strip()).isEqualTo("1024");
    }

    @Test
    void shouldListStatAndReadThroughJavaNio() throws IOException {
        try (Stream<Path> s = Files.list(mnt)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("hello.txt", "big.bin",
                    "split.bin", "heap.txt", "boom", "cached.txt", "sub");
        }
        assertThat(Files.readString(mnt.resolve("hello.txt"))).isEqualTo("hello world\n");
        assertThat(Files.readString(mnt.resolve("split.bin"))).isEqualTo("0123456789abcdef");
        assertThat(Files.readString(mnt.resolve("heap.txt"))).isEqualTo("on the heap\n");
        assertThat(Files.readString(mnt.resolve("sub/inner.txt"))).isEqualTo("inner\n");
        assertThat(Files.size(mnt.resolve("big.bin"))).isEqualTo(3L << 20);
        assertThat(Files.isDirectory(mnt.resolve("sub"))).isTrue();
        assertThat(Files.exists(mnt.resolve("nope"))).isFalse();
        byte[] all = Files.readAllBytes(mnt.resolve("big.bin"));
        assertThat(all).isEqualTo(big.data().toArray(ValueLayout.JAVA_BYTE));
        FileStore store = Files.getFileStore(mnt);
        assertThat(store.type()).isEqualTo("fuse.jfamfs");
        assertThat(store.getTotalSpace()).isEqualTo(1000L * 4096);
    }

    @Test
    void shouldServeCatAndDdAsSeparateProcesses() throws Exception {
        assertThat(run("cat", mnt.resolve("hello.txt").toString())).isEqualTo("hello world\n");
        run("dd", "if=" + mnt.resolve("big.bin"), "of=" + mnt.getParent().resolve(mnt.getFileName() + ".copy"),
                "bs=1M", "status=none");
        Path copy = mnt.getParent().resolve(mnt.getFileName() + ".copy");
        try {
            assertThat(Files.readAllBytes(copy)).isEqualTo(big.data().toArray(ValueLayout.JAVA_BYTE));
        } finally {
            Files.deleteIfExists(copy);
        }
        assertThat(run("ls", mnt.toString())).contains("hello.txt", "sub");
    }

    @Test
    void shouldWriteIntoTheFileSystemAndReportItsErrors() throws IOException {
        Files.writeString(mnt.resolve("hello.txt"), "HELLO", StandardOpenOption.WRITE);
        assertThat(Files.readString(mnt.resolve("hello.txt"))).isEqualTo("HELLO world\n");
        assertThatThrownBy(() -> Files.writeString(mnt.resolve("hello.txt"), "x".repeat(64),
                StandardOpenOption.WRITE)).isInstanceOf(IOException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> Files.createDirectory(mnt.resolve("newdir"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Files.delete(mnt.resolve("hello.txt"))).isInstanceOf(IOException.class);
        assertThat(Files.readString(mnt.resolve("hello.txt"))).startsWith("HELLO");
    }

    @Test
    void shouldTurnAHandlerExceptionIntoEioAndKeepServing() throws IOException {
        assertThatThrownBy(() -> Files.readString(mnt.resolve("boom"))).isInstanceOf(IOException.class)
                .hasMessageContaining("Input/output error");
        assertThat(Files.readString(mnt.resolve("hello.txt"))).isEqualTo("hello world\n");
    }

    @Test
    void shouldDropCachedAttributesWhenNotified() throws Exception {
        Path p = mnt.resolve("cached.txt");
        assertThat(Files.size(p)).isEqualTo(5);
        fs.sizeOverride.put(cached.id(), 3L);
        assertThat(Files.size(p)).isEqualTo(5); // cached for an hour
        session.notifier().invalidateInode(cached.id(), 0, 0);
        assertThat(session.notifier().sync(5000)).isTrue();
        assertThat(Files.size(p)).isEqualTo(3);
    }

    @Test
    void shouldEndTheSessionOnExternalUnmount() throws Exception {
        Posix.umount2(mnt.toString(), Posix.MNT_DETACH);
        assertThat(session.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(session.isRunning()).isFalse();
    }

    @Test
    void shouldSurviveAnAbortThroughFusectl() throws Exception {
        boolean fusectlBefore = Files.readString(Path.of("/proc/mounts")).contains(" /sys/fs/fuse/connections ");
        session.abort();
        assertThat(session.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThatThrownBy(() -> Files.readString(mnt.resolve("hello.txt"))).isInstanceOf(IOException.class);
        assertThat(Files.readString(Path.of("/proc/mounts")).contains(" /sys/fs/fuse/connections "))
                .isEqualTo(fusectlBefore);
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }
}
