package io.jfamfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.cli.term.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small helpers: help rewriting, /proc parsing, path canonicalization, the silent progress bar. */
class HelpersTest {
    @TempDir
    Path tmp;

    @Test
    void famfsDashHCommandBecomesCommandDashDashHelp() {
        assertThat(Main.rewriteHelp(new String[] {"-h", "mount"})).containsExactly("mount", "--help");
        assertThat(Main.rewriteHelp(new String[] {"-?", "fsck", "x"})).containsExactly("fsck", "--help", "x");
        assertThat(Main.rewriteHelp(new String[] {"-h"})).containsExactly("-h");
        assertThat(Main.rewriteHelp(new String[] {"fsck", "-h", "/x"})).containsExactly("fsck", "-h", "/x");
    }

    @Test
    void shouldReadIdsAndUmaskFromProcStatus() throws IOException {
        Path status = Files.writeString(tmp.resolve("status"), """
                Name:\tjava
                Umask:\t0027
                Uid:\t1000\t1001\t1001\t1001
                Gid:\t2000\t2002\t2002\t2002
                """);
        ProcessIds ids = ProcessIds.read(status);
        assertThat(ids).isEqualTo(new ProcessIds(1000, 1001, 2000, 2002, 027));
        assertThat(ids.isRoot()).isFalse();
        assertThat(ProcessIds.read(tmp.resolve("missing")).umask()).isEqualTo(022);
    }

    @Test
    void shouldCanonicalizeExistingPrefixesAndNormalizeTheRest() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("a/b")).toRealPath();
        Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThat(Mounted.canonical(tmp.resolve("link/./new//x/../y"))).isEqualTo(real.resolve("new/y"));
        assertThat(Mounted.canonical(tmp.resolve("a/b/../b"))).isEqualTo(real);
        assertThat(Mounted.isMeta(".meta")).isTrue();
        assertThat(Mounted.isMeta(".meta/.log")).isTrue();
        assertThat(Mounted.isMeta(".metadata")).isFalse();
    }

    @Test
    void progressShouldStaySilentWhenNotOnATerminal() {
        StringWriter out = new StringWriter();
        try (Progress p = Progress.start(new PrintWriter(out), "copying", 100)) {
            p.advance(50);
            p.advance(50);
        }
        assertThat(out.toString()).isEmpty();              // surefire's stdout/stderr are not terminals
    }
}
