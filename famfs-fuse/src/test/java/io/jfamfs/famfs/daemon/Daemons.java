package io.jfamfs.famfs.daemon;

import io.jfamfs.sys.Posix;
import io.jfamfs.testing.ShmDevices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Daemon processes started by a test through {@link MountLauncher}, each on a mountpoint and with a
 * log file under one directory. {@link #close} always leaves nothing behind: every mountpoint is
 * lazily unmounted, then every daemon is waited for (it exits once unmounted), SIGTERMed, SIGKILLed,
 * and only then are the devices deleted.
 */
final class Daemons implements AutoCloseable {
    private final Path dir;
    private final ShmDevices devices;
    private final List<Path> mountpoints = new ArrayList<>();
    private final List<Long> pids = new ArrayList<>();

    /** Keeps mountpoints and logs in {@code dir}; {@link #close} also closes {@code devices}. */
    Daemons(Path dir, ShmDevices devices) {
        this.dir = dir;
        this.devices = devices;
    }

    /** Returns the arguments to mount {@code device} on {@code dir/name} as the host of {@code uuidFile}, logging to {@code dir/name.log}. */
    DaemonArgs args(Path device, String name, Path uuidFile) throws IOException {
        Path mnt = Files.createDirectories(dir.resolve(name));
        mountpoints.add(mnt);
        return DaemonArgs.of(device, mnt).withSystemUuidFile(uuidFile).withLogFile(log(name));
    }

    /** Returns the log file of the daemon mounted by {@link #args} as {@code name}. */
    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** Mounts (waits for the daemon's READY) and remembers the daemon to stop it in {@link #close}. */
    MountLauncher.Result mount(DaemonArgs a) {
        MountLauncher.Result r = MountLauncher.mount(a);
        if (r.mounted()) {
            pids.add(r.pid());
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        for (Path m : mountpoints) {
            try {
                Posix.umount2(m.toString(), Posix.MNT_DETACH);
            } catch (IOException ignored) {
                // already unmounted
            }
        }
        for (long pid : pids) { // unmounted above, so each daemon exits by itself; SIGTERM, then SIGKILL if not
            ProcessHandle.of(pid).ifPresent(h -> {
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroy();
                    try {
                        h.onExit().get(5, TimeUnit.SECONDS);
                    } catch (Exception again) {
                        h.destroyForcibly();
                    }
                }
            });
        }
        devices.close();
    }
}
