package io.jfamfs.famfs.daemon;

import static io.jfamfs.testing.ShmDevices.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.log.FsckReport;
import io.jfamfs.testing.ShmDevices;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as a separate process: MountLauncher, Mounts, Unmounter, kill -9 and remount. */
class DaemonProcessTest {
    @TempDir
    Path tmp;
    private ShmDevices devices;
    private Path device;
    private byte[] expected;
    private Daemons daemons;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/fuse")), "/dev/fuse is missing or not writable");
        assumeTrue("root".equals(System.getProperty("user.name")), "mount(2) needs root");
        devices = new ShmDevices(tmp);
        daemons = new Daemons(tmp, devices);
        device = devices.formatted(128 * MiB);
        try (Famfs fs = Famfs.open(device, devices.master())) {
            fs.mkdir("d", 0755, 0, 0);
            FamfsFile f = fs.create("d/data.bin", 2 * MiB + 5, 0644, 0, 0);
            FamfsMountTest.fill(f.map(), 3);
            expected = f.map().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        if (daemons != null) {
            daemons.close();
        }
    }

    private DaemonArgs args(String name, Path uuidFile) throws IOException {
        return daemons.args(device, name, uuidFile);
    }

    private MountLauncher.Result mount(DaemonArgs a) {
        return daemons.mount(a);
    }

    @Test
    void shouldMountServeDescribeAndUnmountADaemonProcess() throws Exception {
        DaemonArgs a = args("m", devices.masterUuidFile);
        MountLauncher.Result r = mount(a);
        assertThat(r.mounted()).as(r.message()).isTrue();
        Path mnt = a.mountpoint();
        assertThat(Files.readAllBytes(mnt.resolve("d/data.bin"))).isEqualTo(expected);
        assertThat(ProcessHandle.of(r.pid()).orElseThrow().info().commandLine().orElse(""))
                .contains(device.toString(), mnt.toString(), DaemonMain.class.getName());
        MountInfo info = Mounts.containing(mnt.resolve("d/data.bin")).orElseThrow();
        assertThat(info.mountpoint()).isEqualTo(mnt);
        assertThat(info.device()).isEqualTo(device);
        assertThat(info.pid()).isEqualTo(r.pid());
        assertThat(info.master()).isTrue();
        assertThat(Mounts.mountpointOf(device)).contains(mnt);
        assertThat(info.systemUuidFile()).contains(devices.masterUuidFile.toAbsolutePath());
        assertThat(Files.readString(tmp.resolve("m.log"))).contains("serving");

        Unmounter.Result u = Unmounter.unmount(mnt, Duration.ofSeconds(10));
        assertThat(u.unmounted()).as(u.message()).isTrue();
        assertThat(ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Mounts.containing(mnt)).isEmpty();
        assertThat(Mounts.mountpointOf(device)).isEmpty();
        assertThat(Files.exists(DaemonState.dir().resolve(r.pid() + ".state"))).isFalse();
    }

    @Test
    void shouldRefuseBadMountsWithAReason() throws Exception {
        DaemonArgs a = args("m", devices.masterUuidFile);
        assertThat(mount(a).mounted()).isTrue();
        MountLauncher.Result again = mount(args("m2", devices.masterUuidFile));
        assertThat(again.mounted()).isFalse();
        assertThat(again.message()).contains("already mounted", a.mountpoint().toString());
        MountLauncher.Result busy = mount(DaemonArgs.of(device, a.mountpoint()).withSystemUuidFile(devices.clientUuidFile)
                .withLogFile(tmp.resolve("x.log")));
        assertThat(busy.message()).contains("already mounted on " + a.mountpoint());
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("junk"), "x");
        assertThat(mount(DaemonArgs.of(device, full).withLogFile(tmp.resolve("y.log"))).message()).contains("not empty");
        Path notFamfs = tmp.resolve("zeros");
        Files.write(notFamfs, new byte[8 << 20]);
        MountLauncher.Result bad = mount(args("z", devices.masterUuidFile).withLogFile(tmp.resolve("z.log")));
        assertThat(bad.mounted()).isFalse(); // same device by the same host again
        MountLauncher.Result garbage = mount(DaemonArgs.of(notFamfs, Files.createDirectories(tmp.resolve("g")))
                .withLogFile(tmp.resolve("g.log")));
        assertThat(garbage.mounted()).isFalse();
        assertThat(garbage.message()).contains("superblock");
    }

    @Test
    void shouldLetAnotherHostMountTheSameDeviceAsAClient() throws Exception {
        DaemonArgs m = args("m", devices.masterUuidFile);
        DaemonArgs c = args("c", devices.clientUuidFile);
        assertThat(mount(m).mounted()).isTrue();
        MountLauncher.Result rc = mount(c);
        assertThat(rc.mounted()).as(rc.message()).isTrue();
        assertThat(Mounts.containing(c.mountpoint()).orElseThrow().master()).isFalse();
        assertThat(Files.readAllBytes(c.mountpoint().resolve("d/data.bin"))).isEqualTo(expected);
        try (Famfs fs = Famfs.open(device, devices.master())) { // a famfs creat on the master host
            FamfsMountTest.fill(fs.create("d/new.bin", MiB, 0644, 0, 0).map(), 5);
        }
        Path seen = c.mountpoint().resolve("d/new.bin");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!Files.exists(seen) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.size(seen)).isEqualTo(MiB);
        try (java.util.stream.Stream<Path> list = Files.list(m.mountpoint().resolve("d"))) { // the master's daemon too
            assertThat(list.map(p -> p.getFileName().toString())).contains("new.bin");
        }
    }

    @Test
    void shouldUnmountAndExitOnSigterm() throws Exception {
        DaemonArgs a = args("m", devices.masterUuidFile);
        MountLauncher.Result r = mount(a);
        assertThat(r.mounted()).isTrue();
        ProcessHandle h = ProcessHandle.of(r.pid()).orElseThrow();
        h.destroy();
        h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Mounts.isMountpoint(a.mountpoint())).isFalse();
        assertThat(Files.exists(DaemonState.dir().resolve(r.pid() + ".state"))).isFalse();
    }

    @Test
    void shouldServeTheSameBytesAfterKillMinus9AndRemount() throws Exception {
        DaemonArgs a = args("m", devices.masterUuidFile);
        MountLauncher.Result r = mount(a);
        assertThat(r.mounted()).isTrue();
        Runtime.getRuntime().exec(new String[] {"kill", "-9", Long.toString(r.pid())}).waitFor();
        ProcessHandle.of(r.pid()).ifPresent(h -> h.onExit().join());
        assertThatThrownBy(() -> Files.readAllBytes(a.mountpoint().resolve("d/data.bin"))).isInstanceOf(IOException.class);
        assertThat(Mounts.containing(a.mountpoint()).orElseThrow().served()).isFalse();
        Unmounter.Result u = Unmounter.unmount(a.mountpoint(), Duration.ofSeconds(5));
        assertThat(u.unmounted()).as(u.message()).isTrue();
        FsckReport fsck = Famfs.fsck(device); // nothing on the device to repair
        assertThat(fsck.errors()).isEmpty();
        assertThat(fsck.collisions()).isZero();
        assertThat(fsck.files()).isEqualTo(1);
        MountLauncher.Result again = mount(a);
        assertThat(again.mounted()).as(again.message()).isTrue();
        assertThat(Files.readAllBytes(a.mountpoint().resolve("d/data.bin"))).isEqualTo(expected);
        assertThat(Unmounter.unmount(a.mountpoint(), Duration.ofSeconds(10)).unmounted()).isTrue();
    }
}
