package io.jfamfs.device;

import io.jfamfs.sys.Errno;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Creates emulated devices: sparse regular files (tmpfs {@code /dev/shm}, hugetlbfs, or any file
 * system) that {@link DaxDevice#open} maps as a device. What {@code famfs dev create} does.
 */
public final class EmulatedDevices {
    private EmulatedDevices() {
    }

    /**
     * Creates {@code path} as a sparse file of {@code size} bytes (a multiple of 2 MiB, at least
     * {@link DaxDevice#MIN_SIZE}; on hugetlbfs a multiple of its huge page size too). An existing
     * path is refused unless {@code force}, and then only a regular file, which is recreated empty.
     */
    public static void create(Path path, long size, boolean force) throws IOException {
        if (size < DaxDevice.MIN_SIZE || size % DaxDevice.SIZE_MULTIPLE != 0) {
            throw new DeviceException(Errno.EINVAL, path, "emulated device size must be a multiple of 2 MiB and "
                    + "at least " + (DaxDevice.MIN_SIZE >> 20) + " MiB", "size=" + size);
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!force) {
                throw new DeviceException(Errno.EEXIST, path, "device file exists (force to recreate it)");
            }
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new DeviceException(Errno.EEXIST, path, "refusing to recreate something not a regular file");
            }
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new DeviceException(Errno.ENOENT, path, "parent directory does not exist");
        }
        long huge = hugePageSize(parent);
        if (huge > 0 && size % huge != 0) {
            throw new DeviceException(Errno.EINVAL, path, "on hugetlbfs the size must be a multiple of the huge "
                    + "page size", "size=%d hugepagesize=%d".formatted(size, huge));
        }
        // ftruncate (setLength) both ways: to 0 to drop old contents, then up to size, allocating
        // nothing; hugetlbfs accepts only huge-page multiples, checked above.
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            f.setLength(0);
            f.setLength(size);
        }
    }

    /** Returns the huge page size when {@code path} is on hugetlbfs, else 0. */
    static long hugePageSize(Path path) throws IOException {
        FileStore store = Files.getFileStore(path);
        // statfs f_bsize of hugetlbfs is its page size (2 MiB or 1 GiB); the JDK reports it as block size
        return "hugetlbfs".equals(store.type()) ? store.getBlockSize() : 0;
    }
}
