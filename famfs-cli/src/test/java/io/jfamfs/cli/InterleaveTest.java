package io.jfamfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Interleaved (striped) files through creat, cp, verify and getmap (famfs-cli.md G.52-G.54), on a 16 GiB device. */
class InterleaveTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final StandInMount mount = new StandInMount(16L << 30);

    private String m(String rel) {
        return mount.mnt.resolve(rel).toString();
    }

    private CliRun run(String... args) {
        return CliRun.famfs(args);
    }

    @Test
    void shouldRejectInvalidInterleaveParameters() {
        assertThat(run("creat", "-B", "100", "-C", "2m", "-N", "3", "-s", "2m", m("x")).exit()).isEqualTo(1);
        assertThat(run("creat", "-B", "8", "-C", "2000000", "-N", "3", "-s", "2m", m("x")).exit()).isEqualTo(1);
        assertThat(run("creat", "-B", "16", "-C", "2m", "-N", "17", "-s", "64m", m("x")).exit()).isEqualTo(1);
        CliRun small = run("creat", "-B", "32", "-N", "4", "-s", "64m", m("x"));  // 512 MiB buckets < 1 GiB
        assertThat(small.exit()).isEqualTo(1);
        assertThat(small.err()).contains("bucket");
    }

    @Test
    void shouldStripeRandomizeVerifyAndCopyInterleavedFiles() {
        for (int i = 0; i < 3; i++) {
            CliRun r = run("creat", "-N", "15", "-B", "16", "-C", "2m", "-s", "256m", m("s" + i));
            assertThat(r.exit()).as(r.err()).isZero();
        }
        assertThat(run("getmap", m("s0")).out()).contains("interleaved: nstrips 15 chunk_size 0x200000");
        assertThat(run("creat", "-t", "3", "-M", m("s0") + ",0,11", "-M", m("s1") + ",0,12", "-M", m("s2") + ",0,13")
                .exit()).isZero();
        assertThat(run("verify", "-m", m("s0") + ",11", "-m", m("s1") + ",12", "-m", m("s2") + ",13").exit()).isZero();
        assertThat(run("fsck", "-h", "-B", "16", mount.dev.toString()).out()).contains("Bitmap range 15");
    }

    @Test
    void shouldCopyIntoAnInterleavedFile() throws IOException {
        Path src = tmp.resolve("src");
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            var seg = arena.allocate(20L << 20);
            io.jfamfs.cli.pattern.Pattern.fill(seg, 11, 0);
            Files.write(src, seg.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        }
        CliRun cp = run("cp", "-N", "4", "-B", "16", "-t", "7", src.toString(), m("copy"));
        assertThat(cp.exit()).as(cp.err()).isZero();
        assertThat(run("getmap", m("copy")).out()).contains("nstrips 4");
        assertThat(run("verify", "-S", "11", "-f", m("copy")).exit()).isZero();
    }
}
