package io.jfamfs.famfs.daemon;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One jfamfs mount as {@code famfs} commands see it.
 *
 * @param pid the serving daemon's pid, or -1 when no live daemon serves it (killed: the mount answers
 *            ENOTCONN until unmounted)
 * @param master whether the daemon is the master of the device (false when unknown)
 */
public record MountInfo(Path mountpoint, Path device, Optional<Path> systemUuidFile, long pid, boolean master,
        boolean readOnly) {
    /** Returns true when a live daemon serves the mount. */
    public boolean served() {
        return pid > 0;
    }
}
