package io.jfamfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file commands in-process against an emulated device, with a stand-in "mount": a plain
 * directory that the {@link Mounted.Resolver} seam maps to the device (no FUSE needed). Covers the
 * success and error paths of famfs-cli.md G.17-G.34 and G.46, G.60 that do not need a daemon.
 */
class FileCommandsTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final StandInMount mount = new StandInMount(4L << 30);

    private void useUuid(Path file) {
        mount.useUuid(file);
    }

    private String m(String rel) {
        return mount.mnt.resolve(rel).toString();
    }

    private CliRun ok(String... args) {
        CliRun r = CliRun.famfs(args);
        assertThat(r.exit()).as("famfs %s\n%s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    private CliRun fails(int code, String... args) {
        CliRun r = CliRun.famfs(args);
        assertThat(r.exit()).as("famfs %s\n%s%s", String.join(" ", args), r.out(), r.err()).isEqualTo(code);
        assertThat(r.err()).isNotBlank().doesNotContain("\tat ");
        return r;
    }

    @Test
    void creatAndVerifyShouldFollowTheReferenceRules() {
        ok("creat", "-r", "-s", "4096", "-S", "1", m("t1"));
        ok("verify", "-S", "1", "-f", m("t1"));
        fails(1, "verify", "-S", "99", "-f", m("t1"));
        ok("creat", "-s", "4096", m("t1"));                                   // same size: no-op
        assertThat(fails(1, "creat", "-s", "8192", m("t1")).err()).contains("different size");
        ok("creat", "-r", "-S", "99", m("t1"));                              // re-randomize in place
        ok("verify", "-S", "99", "-f", m("t1"));
        fails(1, "creat", "-s", "4k", tmp.resolve("notfamfs").toString());
        fails(1, "creat", "-s", "4k", m("nodir/x"));
        fails(1, "creat", "-r", "-S", "1", m("new"));                        // no size for a new file
        ok("creat", "-s", "0x100000", "-m", "600", "-u", "1000", "-g", "1000", m("m0"));
        assertThat(ok("getmap", m("m0")).out()).contains("size:   1048576").contains("mode: 0600 uid: 1000 gid: 1000");
        ok("creat", "-s", "100m", m("big"));
        ok("creat", "-s", "10000k", m("k"));
        assertThat(ok("getmap", m("k")).out()).contains("size:   10240000");
    }

    @Test
    void creatMultiShouldCreateTheGoodFilesAndCountFailures() {
        ok("creat", "-M", m("a") + ",2M,42", "-M", m("b") + ",2M");
        ok("verify", "--multi", m("a") + ",42");
        fails(1, "verify", "--multi", m("a") + ",42", "-m", m("a") + ",43");
        CliRun r = CliRun.famfs("creat", "-M", m("good") + ",4k", "-M", tmp.resolve("bad") + ",4M");
        assertThat(r.exit()).isEqualTo(1);
        ok("getmap", "-q", m("good"));
        ok("creat", "-t", "2", "-M", m("a") + ",0,7", "-M", m("b") + ",0,8");  // size 0: existing files, re-seeded
        ok("verify", "-t", "2", "-m", m("a") + ",7", "-m", m("b") + ",8");
    }

    @Test
    void mkdirShouldCreateParentsAndRefuseWhatTheReferenceRefuses() {
        ok("mkdir", m("sub"));
        fails(1, "mkdir", m("sub"));
        ok("creat", "-s", "4k", m("t1"));
        fails(1, "mkdir", m("t1"));
        fails(1, "mkdir", mount.mnt.toString());
        ok("mkdir", "-p", mount.mnt.toString());
        ok("mkdir", "-p", "-m", "700", "-u", "1000", "-g", "1000", m("z/y/x/w"));
        fails(1, "mkdir", "-p", m("t1/a/b"));
        fails(1, "mkdir", "-p", m("a/y/../../../.."));
        fails(1, "mkdir", m("no/parent"));
        ok("mkdir", m("foo"));
        ok("mkdir", mount.mnt + "/./foo//bar");
        assertThat(fails(21, "getmap", m("foo/bar")).err()).contains("not a regular file");
    }

    @Test
    void cpShouldCopyRestartCompareAndCountPerFileFailures() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(src.resolve("f" + i), ("file " + i + " ").repeat(1000 + i));
        }
        Files.createDirectory(src.resolve("d"));
        Files.writeString(src.resolve("d/inner"), "inner");
        ok("cp", src.resolve("f0").toString(), m("f0"));
        ok("cp", src.resolve("f0").toString(), m("f0"));                    // restartable
        fails(1, "cp", src.resolve("f1").toString(), m("f0"));              // wrong size
        ok("cp", src.resolve("f1").toString(), mount.mnt.toString());
        ok("cp", src.resolve("f2").toString(), mount.mnt + "/");
        ok("cp", src.resolve("f3").toString(), mount.mnt + "/.");
        ok("cp", "-c", src.resolve("f3").toString(), m("f3"));
        ok("mkdir", m("sub"));
        // a directory among the sources without -r: exit 1, the files are still copied
        fails(1, "cp", src.resolve("f4").toString(), src.resolve("d").toString(), src.resolve("f2").toString(), m("sub"));
        ok("cp", "-c", src.resolve("f4").toString(), m("sub/f4"));
        ok("cp", "-r", "-t", "2", "-m", "600", src.toString(), m("tree"));
        ok("cp", "-r", src.toString(), m("tree2x"));
        String[] glob = children(src, "cp", "-c", "-r");                      // cp -c -r src/* tree
        ok(append(glob, m("tree")));
        fails(1, "cp", "-c", "-r", src.toString(), m("tree"));               // tree/src does not exist
        byte[] b = Files.readAllBytes(src.resolve("f0"));
        b[4000] ^= 1;
        Files.write(src.resolve("f0"), b);
        assertThat(fails(1, append(glob, m("tree"))).err()).contains("differ").contains("4000");
    }

    private static String[] children(Path dir, String... head) throws IOException {
        try (var s = Files.list(dir)) {
            return append(head, s.sorted().map(Path::toString).toArray(String[]::new));
        }
    }

    private static String[] append(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void cpShouldRejectBadSourcesAndDestinations() throws IOException {
        Path f = Files.writeString(tmp.resolve("f"), "x".repeat(5000));
        Path empty = Files.createFile(tmp.resolve("empty"));
        ok("creat", "-s", "4k", m("t1"));
        fails(1, "cp", tmp.resolve("nonexistent").toString(), mount.mnt + "/");
        fails(22, "cp", "/dev/zero", mount.mnt + "/");
        fails(1, "cp", empty.toString(), m("e"));
        fails(1, "cp", f.toString(), empty.toString(), m("t1"));             // many sources, file dest
        fails(1, "cp", "-r", tmp.toString(), m("no/such/dir"));
        fails(1, "cp", f.toString(), tmp.resolve("outside").toString());
    }

    @Test
    void getmapAndFlushShouldUseTheReferenceExitCodes() {
        ok("creat", "-s", "4k", m("t1"));
        ok("mkdir", m("sub"));
        assertThat(ok("getmap", m("t1")).out()).contains("extents: 1").contains("offset 0xa00000");
        fails(9, "getmap", m("nosuch"));
        fails(21, "getmap", m("sub"));
        fails(1, "getmap", "/etc/passwd");
        fails(9, "getmap", "/nonexistent/file");
        fails(22, "getmap");
        ok("flush", m("t1"));
        assertThat(CliRun.famfs("flush", m("t1"), m("sub"), "/bogus").exit()).isEqualTo(2);
    }

    @Test
    void aClientShouldNotChangeMetadataButMayReadAndVerify() {
        ok("creat", "-r", "-S", "5", "-s", "8k", m("t1"));
        useUuid(tmp.resolve("other_host_uuid"));
        assertThat(fails(1, "creat", "-s", "4k", m("c")).err()).contains("client");
        fails(1, "mkdir", m("d"));
        ok("verify", "-S", "5", "-f", m("t1"));
        ok("getmap", m("t1"));
    }

    @Test
    void logplayShouldReportAndWriteTheReferenceShadowTree() throws IOException {
        ok("mkdir", "-p", m("d1/d2"));
        ok("creat", "-s", "1m", "-m", "640", m("d1/f1"));
        ok("creat", "-s", "3m", m("f2"));
        assertThat(ok("logplay", mount.mnt.toString()).out()).contains("processed 4 log entries; 2 files, 2 directories");
        ok("logplay", "-n", m("d1"));
        Path sh = Files.createDirectories(tmp.resolve("sh/root")).getParent();
        ok("logplay", "--shadow", sh.toString(), "--shadowtest", mount.mnt.toString());
        assertThat(Files.readString(sh.resolve("root/d1/f1"))).isEqualTo("""
                ---
                file:
                  path: d1/f1
                  size: 1048576
                  flags: 2
                  mode: 0640
                  uid: 0
                  gid: 0
                  nextents: 1
                  simple_ext_list:
                  - devindex: 0
                    offset: 0xa00000
                    length: 0x200000
                ...
                """.replace("uid: 0", "uid: " + ProcessIds.current().effectiveUid())
                .replace("gid: 0", "gid: " + ProcessIds.current().effectiveGid()));
        assertThat(sh.resolve("root/d1/d2")).isDirectory();
        assertThat(ok("logplay", "-Ss", sh.toString(), mount.mnt.toString()).out()).contains("Existed:  2 files, 2 directories");
        Path sh2 = Files.createDirectory(tmp.resolve("sh2"));
        ok("logplay", "--shadow", sh2.toString(), "--daxdev", mount.dev.toString());
        ok("logplay", "--shadow", sh2.toString(), "--shadowtest", "--daxdev", mount.dev.toString());
        Files.writeString(sh2.resolve("root/f2"), "---\nfile:\n  path: f2\n  size: 1\n  flags: 2\n  mode: 0644\n"
                + "  uid: 0\n  gid: 0\n...\n");
        fails(1, "logplay", "--shadow", sh2.toString(), "--shadowtest", "--daxdev", mount.dev.toString());
        fails(1, "logplay", "--daxdev", mount.dev.toString());
        fails(1, "logplay", "--shadow", "/etc/passwd", mount.mnt.toString());
        fails(1, "logplay", "--shadow", "/nonexistent/x", mount.mnt.toString());
        fails(1, "logplay", "--shadow", sh.toString(), "--daxdev", "/dev/bogodax");
        fails(1, "logplay", tmp.toString());
    }

    @Test
    void spaceRunsOutIn2MiBUnitsAndDirectoriesStillFit() {
        // (4 GiB - 10 MiB reserved) / 2 MiB = 2043 files of 1 MiB; the 2044th fails for lack of space
        String[] args = new String[2 * 2044 + 1];
        args[0] = "creat";
        for (int i = 0; i < 2044; i++) {
            args[1 + 2 * i] = "-M";
            args[2 + 2 * i] = m("f" + i) + ",1m";
        }
        CliRun r = CliRun.famfs(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("f2043");
        ok("getmap", "-q", m("f2042"));
        assertThat(CliRun.famfs("getmap", "-q", m("f2043")).exit()).isEqualTo(9);
        ok("mkdir", m("still-fits"));
        assertThat(ok("fsck", mount.dev.toString()).out()).contains("2043 files", "Free space:             0");
    }

    @Test
    void relpathsOf80BytesOrMoreAreRejectedNeverTruncated() {
        String name79 = "d/" + "x".repeat(77);
        ok("mkdir", m("d"));
        ok("creat", "-s", "4k", m(name79));
        CliRun r = fails(1, "creat", "-s", "4k", m(name79 + "y"));
        assertThat(r.err()).contains("79");
        fails(1, "mkdir", m("d/" + "z".repeat(90)));
        assertThat(ok("logplay", mount.mnt.toString()).out()).contains("2 log entries");
    }

    @Test
    void cloneShouldCrossLinkSoThatFsckFindsTheCollision() {
        ok("creat", "-r", "-S", "42", "-s", "3m", m("a"));
        ok("clone", m("a"), m("a2"));
        CliRun fsck = CliRun.famfs("fsck", mount.dev.toString());
        assertThat(fsck.exit()).isEqualTo(1);
        assertThat(fsck.out()).contains("ALLOCATION COLLISIONS");
        assertThat(CliRun.famfs("fsck", "--json", mount.dev.toString()).out()).contains("\"relpath\": \"a2\"",
                "\"valid\": false");
        fails(1, "clone", m("nosuch"), m("b"));
        fails(1, "clone", m("a"), tmp.resolve("outside").toString());
        useUuid(tmp.resolve("client_uuid"));
        fails(1, "clone", m("a"), m("c"));
    }
}
