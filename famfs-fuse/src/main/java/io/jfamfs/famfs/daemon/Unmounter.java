package io.jfamfs.famfs.daemon;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import io.jfamfs.sys.Posix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What {@code famfs umount MOUNTPOINT} does: umount2 (which also clears a dead mount whose daemon
 * was killed), then waits until the daemon has exited, so that a following mount of the same device
 * by this host is not refused.
 */
public final class Unmounter {
    private Unmounter() {
    }

    /** The outcome of an unmount, with a reason when it failed. */
    public record Result(boolean unmounted, String message) {
    }

    /** Unmounts the jfamfs mount at {@code mountpoint}; waits up to {@code wait} for its daemon to exit. */
    public static Result unmount(Path mountpoint, Duration wait) {
        Path mp = Mounts.canonical(mountpoint);
        Optional<MountInfo> info = Mounts.all().stream().filter(m -> m.mountpoint().equals(mp)).findFirst();
        if (info.isEmpty()) {
            return new Result(false, mp + " is not a jfamfs mount");
        }
        try {
            Posix.umount2(mp.toString(), 0);
        } catch (ErrnoException e) {
            return new Result(false, e.is(Errno.EBUSY) ? "umount " + mp + ": target is busy (files open?)"
                    : e.getMessage());
        }
        long pid = info.get().pid();
        if (pid > 0) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isPresent()) {
                try {
                    h.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    return new Result(true, "unmounted " + mp + ", but daemon pid " + pid + " has not exited yet");
                }
            }
        }
        return new Result(true, "unmounted " + mp);
    }
}
