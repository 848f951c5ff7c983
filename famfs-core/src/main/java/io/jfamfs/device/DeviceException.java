package io.jfamfs.device;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.nio.file.Path;

/** A path that cannot be used as a famfs device; the message names the path and why. */
public final class DeviceException extends ErrnoException {
    private final transient Path path;

    /** Builds {@code "<what>: path=<path>"} (plus any {@code detail}, already key=value). */
    public DeviceException(Errno errno, Path path, String what, String detail) {
        super(errno, what + ": path=" + path + (detail == null || detail.isEmpty() ? "" : " " + detail));
        this.path = path;
    }

    public DeviceException(Errno errno, Path path, String what) {
        this(errno, path, what, null);
    }

    /** Returns the device path the problem is about. */
    public Path path() {
        return path;
    }
}
