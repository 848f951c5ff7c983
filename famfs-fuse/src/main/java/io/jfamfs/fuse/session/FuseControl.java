package io.jfamfs.fuse.session;

import io.jfamfs.sys.ErrnoException;
import io.jfamfs.sys.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sysfs knobs of a FUSE connection: the bdi readahead and the fusectl abort switch. */
final class FuseControl {
    static final Path CONNECTIONS = Path.of("/sys/fs/fuse/connections");
    private static final System.Logger LOG = System.getLogger(FuseControl.class.getName());

    private FuseControl() {
    }

    /** Returns the st_dev of {@code path} (for a FUSE mount root: major 0, minor = connection id). */
    static long deviceOf(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:dev")).longValue();
    }

    /** Returns {@code major:minor} of a glibc-encoded dev_t. */
    static String majorMinor(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return major + ":" + minor;
    }

    /** Returns the connection's name under fusectl: the kernel's dev_t (major << 20 | minor). */
    static long connectionId(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return (major << 20) | minor;
    }

    /**
     * Raises {@code /sys/class/bdi/<maj:min>/read_ahead_kb}: page-cache READs are otherwise capped at
     * 128 KiB whatever max_pages says. Failure only costs speed, so it is logged, not thrown.
     */
    static void raiseReadahead(long dev, int kb) {
        Path knob = Path.of("/sys/class/bdi", majorMinor(dev), "read_ahead_kb");
        try {
            Files.writeString(knob, Integer.toString(kb));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "could not raise {0}: {1}", knob, e.toString());
        }
    }

    /**
     * Aborts connection {@code id} by writing to its fusectl {@code abort} file, mounting fusectl
     * first if it is not (it is not by default) and unmounting it again afterwards.
     */
    static void abort(long id) throws IOException {
        boolean mountedHere = false;
        if (!Files.exists(CONNECTIONS.resolve(Long.toString(id)))) {
            Posix.mount("fusectl", CONNECTIONS.toString(), "fusectl", 0, null);
            mountedHere = true;
        }
        try {
            Files.writeString(CONNECTIONS.resolve(Long.toString(id)).resolve("abort"), "1");
        } finally {
            if (mountedHere) {
                try {
                    Posix.umount2(CONNECTIONS.toString(), 0);
                } catch (ErrnoException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not unmount fusectl: {0}", e.getMessage());
                }
            }
        }
    }
}
