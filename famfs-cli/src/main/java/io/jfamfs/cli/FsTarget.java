package io.jfamfs.cli;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Resolves what a command's path argument names: a device, or a path inside a jfamfs mount. */
final class FsTarget {
    private FsTarget() {
    }

    /**
     * Returns the device to check for {@code famfs fsck TARGET}: TARGET itself when it is a device that
     * is not mounted (EBUSY when it is), or the device of the jfamfs mount TARGET lives in.
     */
    static Path deviceForFsck(Path target) throws IOException {
        if (!Files.exists(target)) {
            throw new NoSuchFileException(target.toString(), null, "No such file or directory");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ErrnoException(Errno.EINVAL, "not a device or a path in a jfamfs mount: " + target);
        }
        Devices.requireNotMounted(target);
        return target;
    }
}
