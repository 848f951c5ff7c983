package io.jfamfs.device;

import io.jfamfs.sys.Errno;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What sysfs says about a devdax character device: it is a dax device, bound to the
 * {@code device_dax} driver (not {@code kmem}, which hands the memory to the kernel as system RAM),
 * with a size and an alignment. The sysfs root is a constructor parameter so tests use a fake tree.
 *
 * <p>The device directory is {@code <root>/dev/char/MAJ:MIN} (it works whatever the node is called),
 * else {@code <root>/bus/dax/devices/<node name>}.
 */
public final class DaxSysfs {
    /** The kernel's sysfs mount. */
    public static final Path DEFAULT_ROOT = Path.of("/sys");
    /** The driver that exposes the memory as a character device; the only one jfamfs can map. */
    static final String DEVICE_DAX_DRIVER = "device_dax";
    /** The driver that onlines the memory as system RAM ({@code daxctl reconfigure-device -m system-ram}). */
    static final String KMEM_DRIVER = "kmem";
    /** The alignment a devdax device has when sysfs does not say (older kernels): 2 MiB. */
    static final long DEFAULT_ALIGN = 2L << 20;

    /** What jfamfs needs to know about a devdax device. */
    public record DaxInfo(Path sysfsDir, String name, long size, long align, String driver) {
    }

    private final Path root;

    public DaxSysfs(Path root) {
        this.root = root;
    }

    /** Returns the sysfs of this machine. */
    public static DaxSysfs system() {
        return new DaxSysfs(DEFAULT_ROOT);
    }

    /** Splits a Linux {@code dev_t} ({@code st_rdev}) as glibc's {@code major()}/{@code minor()} do. */
    static long major(long rdev) {
        return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & 0xfffff000L);
    }

    static long minor(long rdev) {
        return (rdev & 0xff) | ((rdev >>> 12) & 0xffffff00L);
    }

    /** Describes the character device {@code device} with device number {@code rdev}. */
    public DaxInfo probe(Path device, long rdev) throws DeviceException {
        String devNum = major(rdev) + ":" + minor(rdev);
        Path dir = root.resolve("dev/char").resolve(devNum);
        if (!Files.isDirectory(dir)) {
            dir = root.resolve("bus/dax/devices").resolve(device.getFileName().toString());
        }
        if (!Files.isDirectory(dir)) {
            throw new DeviceException(Errno.ENODEV, device, "not a dax device", "dev=" + devNum + " (no sysfs entry)");
        }
        String subsystem = linkName(dir.resolve("subsystem"));
        if (subsystem != null && !subsystem.equals("dax")) {
            throw new DeviceException(Errno.ENODEV, device, "not a dax device", "dev=%s subsystem=%s"
                    .formatted(devNum, subsystem));
        }
        String driver = linkName(dir.resolve("driver"));
        if (KMEM_DRIVER.equals(driver)) {
            throw new DeviceException(Errno.ENODEV, device, "dax device is in system-ram mode",
                    "driver=kmem (use 'daxctl reconfigure-device --mode=devdax')");
        }
        if (driver == null) {
            throw new DeviceException(Errno.ENODEV, device, "dax device has no driver bound");
        }
        if (!driver.equals(DEVICE_DAX_DRIVER)) {
            throw new DeviceException(Errno.ENODEV, device, "dax device is not in devdax mode", "driver=" + driver);
        }
        long size = readLong(device, dir.resolve("size"));
        Path alignFile = dir.resolve("align");
        long align = Files.exists(alignFile) ? readLong(device, alignFile) : DEFAULT_ALIGN;
        return new DaxInfo(dir, realName(device, dir), size, align, driver);
    }

    /** Returns the kernel's name of the device: the directory {@code dev/char/MAJ:MIN} links to. */
    private static String realName(Path device, Path dir) throws DeviceException {
        try {
            return dir.toRealPath().getFileName().toString();
        } catch (IOException e) {
            throw new DeviceException(Errno.ENODEV, device, "cannot resolve dax sysfs entry", "dir=" + dir);
        }
    }

    /** Returns the last name of a symlink's target, or null when there is no such link. */
    private static String linkName(Path link) throws DeviceException {
        if (!Files.isSymbolicLink(link)) {
            return null;
        }
        try {
            return Files.readSymbolicLink(link).getFileName().toString();
        } catch (IOException e) {
            throw new DeviceException(Errno.EIO, link, "cannot read sysfs link", e.toString());
        }
    }

    private static long readLong(Path device, Path file) throws DeviceException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new DeviceException(Errno.ENODEV, device, "cannot read dax sysfs attribute",
                    "file=" + file + " error=" + e);
        }
        try {
            long v = text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
            if (v < 0) {
                throw new NumberFormatException("negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DeviceException(Errno.EINVAL, device, "bad dax sysfs attribute",
                    "file=%s value=\"%s\"".formatted(file, text));
        }
    }
}
