package io.jfamfs.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reference's smoke scenarios (famfs-cli.md B and G) against a real jfamfs mount of an emulated
 * device, driving bin/famfs as a user would. One device and mount for the class (tests run in order
 * and build on each other, as the smoke scripts do); always unmounted and deleted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MountedCommandsIT {
    Path work;
    Path dev;
    Path mpt;
    Famfs f;
    final List<Path> mounts = new ArrayList<>();

    @BeforeAll
    void mountFresh() throws IOException {
        assumeTrue(Famfs.isRoot(), "mount tests need root");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "mount tests need /dev/fuse");
        work = Files.createTempDirectory("jfamfs-it");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));  // non-root steps
        dev = Path.of("/dev/shm/jfamfs-it-" + UUID.randomUUID());
        mpt = Files.createDirectory(work.resolve("mnt"));
        f = new Famfs(work.resolve("system_uuid"));
        ok(f.famfs("dev", "create", "--size", "8G", dev.toString()));
        ok(f.mkfs(dev.toString()));
        mount(f, mpt);
    }

    private void mount(Famfs host, Path at, String... extra) {
        List<String> args = new ArrayList<>(List.of("mount"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--log", work.resolve("daemon-" + at.getFileName() + ".log").toString(), dev.toString(),
                at.toString()));
        ok(host.famfs(args.toArray(String[]::new)));
        mounts.add(at);
    }

    private void umount(Path at) {
        ok(f.famfs("umount", at.toString()));
        mounts.remove(at);
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (f == null) {
            return;
        }
        Famfs.removeAll(work, dev, mounts);
    }

    private static Famfs.Result ok(Famfs.Result r) {
        assertThat(r.exit()).as("%s", r).isZero();
        return r;
    }

    private static Famfs.Result fails(Famfs.Result r) {
        assertThat(r.exit()).as("%s", r).isBetween(1, 127);
        assertThat(r.err()).as("%s", r).doesNotContain("\tat ");
        return r;
    }

    private static Famfs.Result fails(Famfs.Result r, int code) {
        assertThat(r.exit()).as("%s", r).isEqualTo(code);
        return r;
    }

    private String m(String rel) {
        return mpt.resolve(rel).toString();
    }

    private String mode(String rel) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(mpt.resolve(rel)));
    }

    private int attr(String rel, String name) throws IOException {
        return (Integer) Files.getAttribute(mpt.resolve(rel), "unix:" + name);
    }

    @Test
    @Order(1)
    void mountShouldShowMetaFilesAndRefuseSecondMountsAndMountedDeviceOperations() throws IOException {
        assertThat(Files.size(mpt.resolve(".meta/.superblock"))).isEqualTo(2097152);
        assertThat(mode(".meta/.superblock")).isEqualTo("r--r--r--");
        assertThat(Files.size(mpt.resolve(".meta/.log"))).isEqualTo(8388608);
        assertThat(mode(".meta/.log")).isEqualTo("rw-r--r--");
        ok(f.exec("findmnt", "--source", dev.toString(), "--mountpoint", mpt.toString()));
        Path other = Files.createDirectory(work.resolve("other"));
        fails(f.famfs("mount", dev.toString(), mpt.toString()));
        fails(f.famfs("mount", dev.toString(), other.toString()));
        ok(f.famfs("mount", "-?"));
        fails(f.famfs("mount"));
        fails(f.famfs("mount", "a", "b", "c"));
        fails(f.famfs("mount", "/bad/dev", other.toString()));
        fails(f.famfs("mount", dev.toString(), "/bad/mpt"));
        fails(f.famfs("mount", "-r", "-m", dev.toString(), other.toString()));
        assertThat(f.exec("findmnt", other.toString()).exit()).isNotZero();
        fails(f.mkfs(dev.toString()));
        fails(f.famfs("fsck", dev.toString()), 16);
        ok(f.famfs("fsck", mpt.toString()));
        ok(f.famfs("fsck", "--human", mpt.toString()));
        ok(f.famfs("chkread", "-l", m(".meta/.log")));
        ok(f.famfs("chkread", "-s", m(".meta/.superblock")));
        fails(f.famfs("chkread"));
        fails(f.famfs("chkread", "-s", m("nosuch")));
    }

    @Test
    @Order(2)
    void creatAndVerifyShouldWorkThroughTheMount() throws IOException {
        ok(f.famfs("creat", "-r", "-s", "4096", "-S", "1", m("t1")));
        ok(f.famfs("verify", "-S", "1", "-f", m("t1")));
        fails(f.famfs("verify", "-S", "99", "-f", m("t1")));
        assertThat(Files.size(mpt.resolve("t1"))).isEqualTo(4096);
        fails(f.famfs("creat"));
        fails(f.famfs("creat", "-r", "-S", "1", m("x")));
        fails(f.famfs("creat", "-S", "1", "-s", "10", m("x")));
        fails(f.famfs("creat", "-s", "0", m("e")));
        fails(f.famfs("creat", "-s", "4K", work.resolve("notfamfs").toString()));
        fails(f.famfs("creat", "-s", "4K", m(".meta")));
        assertThat(mpt.resolve("x")).doesNotExist();
        ok(f.famfs("creat", "-s", "4096", m("t1")));
        fails(f.famfs("creat", "-s", "8192", m("t1")));
        ok(f.famfs("creat", "-r", "-S", "99", m("t1")));
        ok(f.famfs("verify", "-S", "99", "-f", m("t1")));
        ok(f.famfs("creat", "-s", "0x100000", "-m", "600", "-u", "1000", "-g", "1000", m("m0")));
        assertThat(mode("m0")).isEqualTo("rw-------");
        assertThat(attr("m0", "uid")).isEqualTo(1000);
        ok(f.famfs("creat", "-M", m("a") + ",2M,42", "-M", m("b") + ",2M"));
        ok(f.famfs("verify", "--multi", m("a") + ",42"));
        fails(f.famfs("creat", "-M", m("good") + ",4k", "-M", "/tmp/bad,4M"));
        assertThat(mpt.resolve("good")).exists();
        ok(f.famfs("verify", "-m", m("a") + ",42", "-m", m("t1") + ",99"));
        fails(f.famfs("verify", "-m", m("a") + ",42", "-m", m("t1") + ",98"));
        for (String s : new String[] {"100m", "10000k", "3g"}) {
            ok(f.famfs("creat", "-s", s, m("size-" + s)));
        }
        assertThat(Files.size(mpt.resolve("size-10000k"))).isEqualTo(10240000);
        assertThat(Files.size(mpt.resolve("size-3g"))).isEqualTo(3L << 30);
        ok(f.famfs("creat", "-r", "-S", "7", "-s", "64m", m("big")));
        ok(f.famfs("verify", "-S", "7", "-f", m("big")));
    }

    @Test
    @Order(3)
    void mkdirShouldFollowTheReferenceRules() throws IOException {
        ok(f.famfs("mkdir", m("sub")));
        fails(f.famfs("mkdir", m("sub")));
        fails(f.famfs("mkdir", m("t1")));
        fails(f.famfs("mkdir", mpt.toString()));
        ok(f.famfs("mkdir", "-p", mpt.toString()));
        ok(f.famfs("mkdir", "-p", "-m", "700", "-u", "1000", "-g", "1000", m("z/y/x/w")));
        assertThat(mode("z/y/x/w")).isEqualTo("rwx------");
        assertThat(attr("z/y/x/w", "gid")).isEqualTo(1000);
        fails(f.famfs("mkdir", "-p", m("t1/a/b")));
        fails(f.famfs("mkdir", "-p", m("a/y/../../../..")));
        ok(f.famfs("mkdir", m("foo")));
        ok(f.in(work).famfs("mkdir", "mnt/./foo//bar"));
        assertThat(mpt.resolve("foo/bar")).isDirectory();
    }

    @Test
    @Order(4)
    void cpShouldCopyIntoTheMountRestartAndCompare() throws IOException {
        ok(f.famfs("cp", m("big"), m("big_cp")));
        ok(f.famfs("verify", "-S", "7", "-f", m("big_cp")));
        ok(f.famfs("cp", m("big"), m("big_cp")));
        fails(f.famfs("cp", m("t1"), m("big_cp")));
        fails(f.famfs("cp", "/tmp/nonexistent-" + UUID.randomUUID(), mpt + "/"));
        fails(f.famfs("cp", "/dev/zero", mpt + "/"), 22);
        Path empty = Files.createFile(work.resolve("empty"));
        fails(f.famfs("cp", empty.toString(), m("e")));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(work.resolve("f" + i), ("data " + i + "\n").repeat(2000 * i));
        }
        ok(f.famfs("cp", work.resolve("f1").toString(), mpt.toString()));
        ok(f.famfs("cp", work.resolve("f2").toString(), mpt + "/"));
        ok(f.famfs("cp", work.resolve("f3").toString(), mpt + "/."));
        for (int i = 1; i <= 3; i++) {
            ok(f.exec("cmp", work.resolve("f" + i).toString(), m("f" + i)));
        }
        for (int i = 0; i < 10; i++) {
            ok(f.famfs("creat", "-r", "-S", Integer.toString(100 + i), "-s", (1 + i) + "k", m("sub/s" + i)));
        }
        List<String> glob = new ArrayList<>(List.of("cp", "-m", "600", "-u", "1000", "-g", "1000"));
        try (Stream<Path> s = Files.list(mpt.resolve("sub"))) {
            s.sorted().forEach(p -> glob.add(p.toString()));
        }
        List<String> sources = new ArrayList<>(glob.subList(7, glob.size()));
        glob.add(m("z/y/x/w"));
        ok(f.famfs(glob.toArray(String[]::new)));
        assertThat(mode("z/y/x/w/s3")).isEqualTo("rw-------");
        ok(f.famfs("verify", "-S", "103", "-f", m("z/y/x/w/s3")));
        List<String> withDir = new ArrayList<>(List.of("cp"));
        withDir.addAll(sources);
        withDir.add(m("foo"));                                   // a directory among the sources
        withDir.add(m("z"));
        fails(f.famfs(withDir.toArray(String[]::new)), 1);
        ok(f.famfs("verify", "-S", "105", "-f", m("z/s5")));
        fails(f.famfs("cp", "-r", m("z"), m("t1")));
        fails(f.famfs("cp", "-r", m("z"), m("no/such/dir")));
        ok(f.famfs("cp", "-r", m("z"), m("z2")));
        ok(f.exec("diff", "-r", m("z"), m("z2")));
        ok(f.famfs("cp", "-c", "-r", m("z"), m("z2/..")));      // compares z with z (same files)
        ok(f.exec("dd", "if=/dev/zero", "of=" + m("z2/s5"), "bs=16", "count=1", "conv=notrunc"));
        fails(f.exec("diff", "-r", m("z"), m("z2")));
        ok(f.famfs("cp", "-t", "4", "-r", m("sub"), m("sub2")));
        ok(f.exec("diff", "-r", m("sub"), m("sub2")));
    }

    @Test
    @Order(5)
    void logplayGetmapFlushAndCheckShouldWork() throws IOException {
        ok(f.famfs("logplay", mpt.toString()));
        ok(f.famfs("logplay", mpt.toString()));
        ok(f.famfs("logplay", "-n", mpt.toString()));
        fails(f.famfs("logplay"));
        fails(f.famfs("logplay", "-r", "-m", mpt.toString()));
        ok(f.famfs("logplay", "-rc", mpt.toString()));
        Path sh = Files.createDirectories(work.resolve("sh/root")).getParent();
        ok(f.famfs("logplay", "--shadow", sh.toString(), "--shadowtest", mpt.toString()));
        assertThat(Files.readString(sh.resolve("root/t1"))).contains("path: t1", "size: 4096", "nextents: 1");
        ok(f.famfs("logplay", "-Ss", sh.toString(), mpt.toString()));
        assertThat(ok(f.famfs("getmap", m("t1"))).out()).contains("size:   4096");
        fails(f.famfs("getmap", "/etc/passwd"), 1);
        fails(f.famfs("getmap", m("nosuch")), 9);
        fails(f.famfs("getmap", m("sub")), 21);
        fails(f.famfs("getmap"), 22);
        ok(f.famfs("flush", m("t1"), m("a"), m("big")));
        fails(f.famfs("flush", m("t1"), m("sub")));
        fails(f.famfs("flush", "/bogus"));
        fails(f.famfs("flush"));
        ok(f.famfs("check", mpt.toString()));
        fails(f.famfs("check", "relative"));
    }

    @Test
    @Order(6)
    void aRemountShouldKeepEverythingAndAClientShouldOnlyRead() throws IOException {
        umount(mpt);
        fails(f.famfs("fsck", mpt.toString()));
        ok(f.famfs("fsck", dev.toString()));
        Famfs client = f.withUuidFile(work.resolve("client_uuid"));
        mount(client, mpt);
        assertThat(ok(client.famfs("fsck", mpt.toString())).out()).contains("Client");
        assertThat(mode(".meta/.log")).isEqualTo("r--r--r--");
        assertThat(fails(client.famfs("creat", "-s", "4k", m("c1"))).err()).contains("client");
        fails(client.famfs("mkdir", m("c2")));
        fails(client.famfs("cp", m("t1"), m("c3")));
        ok(client.famfs("verify", "-S", "99", "-f", m("t1")));
        ok(client.famfs("logplay", mpt.toString()));
        umount(mpt);
        mount(f, mpt);
        assertThat(mode("m0")).isEqualTo("rw-------");
        assertThat(attr("m0", "uid")).isEqualTo(1000);
        assertThat(mode("z/y/x/w")).isEqualTo("rwx------");
        ok(f.famfs("verify", "-S", "7", "-f", m("big_cp")));
        ok(f.famfs("creat", "-s", "4k", m("after-remount")));
    }

    @Test
    @Order(7)
    void fsckJsonShouldDescribeEveryEntry() {
        Famfs.Result r = ok(f.famfs("fsck", "--json", mpt.toString()));
        assertThat(r.out()).contains("\"relpath\": \"t1\"", "\"type\": \"MKDIR\"", "\"mode\": \"0600\"",
                "\"errors\": []");
    }

    @Test
    @Order(8)
    void nonRootUsersMayCheckButNotFormatOrMount() {
        String[] nobody = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
        assertThat(fails(f.exec(cat(nobody, Famfs.MKFS.toString(), dev.toString())), 1).err()).contains("must run as root");
        Path other = work.resolve("other");
        assertThat(fails(f.exec(cat(nobody, Famfs.FAMFS.toString(), "mount", dev.toString(), other.toString())), 1)
                .err()).contains("must run as root");
        ok(f.exec(cat(nobody, Famfs.FAMFS.toString(), "fsck", mpt.toString())));
        ok(f.exec("chmod", "600", dev.toString()));            // like a root-only /dev/daxX.Y
        try {
            Famfs.Result viaMeta = ok(f.exec(cat(nobody, Famfs.FAMFS.toString(), "fsck", mpt.toString())));
            assertThat(viaMeta.out()).contains("No allocation errors found");
        } finally {
            f.exec("chmod", "644", dev.toString());
        }
        fails(f.exec(cat(nobody, Famfs.FAMFS.toString(), "fsck", "/boguspath")));
        fails(f.exec(cat(nobody, Famfs.FAMFS.toString(), "fsck")));
        ok(f.exec(cat(nobody, Famfs.FAMFS.toString(), "fsck", "-?")));
    }

    @Test
    @Order(9)
    void mountingAKilledFileSystemShouldFailAndLeaveNothingBehind() throws IOException {
        Path dev2 = Path.of(dev + "-2");
        Path mpt2 = Files.createDirectory(work.resolve("mnt2"));
        try {
            ok(f.famfs("dev", "create", "--size", "4G", dev2.toString()));
            ok(f.mkfs(dev2.toString()));
            ok(f.mkfs("-f", "-k", dev2.toString()));
            Famfs.Result r = fails(f.famfs("mount", dev2.toString(), mpt2.toString()));
            assertThat(r.exit()).isNotEqualTo(99);
            assertThat(f.exec("findmnt", mpt2.toString()).exit()).isNotZero();
            assertThat(ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(dev2.toString()))).isEmpty();
        } finally {
            Files.deleteIfExists(dev2);
        }
    }

    @Test
    @Order(10)
    void aSecondHostSeesNewFilesWithoutLogplay() throws IOException, InterruptedException {
        Path mpt3 = Files.createDirectory(work.resolve("mnt3"));
        Famfs client = f.withUuidFile(work.resolve("client_uuid"));
        mount(client, mpt3);
        ok(f.famfs("creat", "-r", "-S", "77", "-s", "1m", m("visible")));
        Path seen = mpt3.resolve("visible");
        for (int i = 0; i < 50 && !Files.exists(seen); i++) {
            Thread.sleep(100);                                     // the daemon re-reads the log on its own
        }
        assertThat(seen).exists();
        ok(client.famfs("verify", "-S", "77", "-f", seen.toString()));
        umount(mpt3);
    }

    @Test
    @Order(11)
    void cloneShouldCrossLinkAndFsckShouldFindIt() {
        ok(f.famfs("clone", m("a"), m("a2")));
        Famfs.Result r = fails(f.famfs("fsck", mpt.toString()), 1);
        assertThat(r.out()).contains("ALLOCATION COLLISIONS");
    }

    private static String[] cat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
