package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.api.Role;
import io.jfamfs.device.DaxDevice;
import io.jfamfs.device.EmulatedDevices;
import io.jfamfs.device.SystemUuid;
import io.jfamfs.famfs.daemon.Mounts;
import io.jfamfs.log.FsckReport;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/** Device-level adapters over famfs-core: format, check, emulated devices. */
final class Devices {
    private Devices() {
    }

    /** {@code mkfs.famfs}: the CLI's refusals (mounted, smaller than 4 GiB), then {@link Famfs#format}. */
    static void format(PrintWriter out, Path device, long logLength, boolean force, boolean kill, Path systemUuidFile,
            boolean verbose) throws IOException, CliException {
        if (!Files.exists(device)) {
            throw new NoSuchFileException(device.toString(), null, "device not found");
        }
        requireNotMounted(device);
        if (!kill) {
            long size;
            try (DaxDevice d = DaxDevice.open(device, DaxDevice.Access.READ_ONLY)) {
                size = d.size();
            }
            if (size < OmfConstants.MIN_CLI_DEVICE_SIZE) {
                throw new CliException(2, "device %s is too small: %d bytes; famfs needs at least 4 GiB"
                        .formatted(device, size));
            }
        }
        FormatOptions o = FormatOptions.defaults().withLogLength(logLength).withForce(force).withKill(kill)
                .withSystemUuidFile(systemUuidFile);
        try {
            Famfs.format(device, o);
        } catch (ErrnoException e) {
            if (e.is(Errno.EEXIST)) {
                throw new CliException(2, "Device " + device + " already has a famfs superblock; use -f to overwrite it", e);
            }
            throw e;
        }
        if (kill) {
            out.println("Famfs superblock killed: " + device);
            return;
        }
        try (Famfs fs = Famfs.open(device, FamfsOptions.builder().systemUuidFile(systemUuidFile).readOnly(true)
                .build())) {
            FsckPrinter.print(out, fs.fsck(), context(device, fs), new FsckPrinter.Options(false, verbose ? 1 : 0,
                    false, null));
        }
    }

    static void createEmulated(Path path, long size, boolean force) throws IOException {
        EmulatedDevices.create(path, size, force);
    }

    /**
     * {@code famfs fsck}: a device (character, block or emulated file) that is not mounted, or a path in
     * a jfamfs mount (checked through its device). Returns 0 when clean, 1 when the device holds errors.
     */
    static int fsck(PrintWriter out, Path target, Path systemUuidFile, FsckPrinter.Options options)
            throws IOException, CliException {
        var at = Mounted.find(target);
        Path device = at.isPresent() ? at.get().mount().device() : FsTarget.deviceForFsck(target);
        Path uuidFile = systemUuidFile == null && at.isPresent() ? at.get().mount().systemUuidFile() : systemUuidFile;
        FamfsOptions.Builder o = FamfsOptions.builder().systemUuidFile(uuidFile).readOnly(true);
        String role = null;
        try {
            (uuidFile != null ? new SystemUuid(uuidFile) : SystemUuid.fromEnvironment()).read();
        } catch (AccessDeniedException e) {
            // fsck needs no identity: an unreadable uuid file (non-root user) only hides the role
            o.systemUuid(new UUID(0, 0));
            role = "unknown (cannot read the system uuid file " + e.getFile() + ")";
        } catch (IOException e) {
            // a missing or bad uuid file: Famfs.open reports this host as a client
        }
        if (at.isPresent() && !Files.isReadable(device)) {
            // a user who may not open the device checks through the mount's meta files, as the reference
            try (Arena arena = Arena.ofConfined()) {
                FsckReport report = MetaFsck.scan(at.get().mount().mountpoint(), arena);
                FsckPrinter.print(out, report, new FsckPrinter.Context(device.toString(),
                        role != null ? role : "unknown (device not readable)"), options);
                return report.clean() ? 0 : 1;
            }
        }
        try (Famfs fs = Famfs.open(device, o.build())) {
            FsckReport report = fs.fsck();
            FsckPrinter.Context c = context(device, fs);
            FsckPrinter.print(out, report, role == null ? c : new FsckPrinter.Context(c.source(), role), options);
            return report.clean() ? 0 : 1;
        } catch (ErrnoException e) {
            throw new CliException(2, Failures.message(e), e);
        }
    }

    private static FsckPrinter.Context context(Path device, Famfs fs) {
        return new FsckPrinter.Context(device.toString(), fs.role() == Role.MASTER ? "Owner" : "Client");
    }

    /** Refuses a device that is the source of a mount (EBUSY), as the reference does. */
    static void requireNotMounted(Path device) throws IOException {
        var mountpoint = Mounts.mountpointOf(device);
        if (mountpoint.isPresent()) {
            throw new ErrnoException(Errno.EBUSY, "device %s is mounted at %s".formatted(device, mountpoint.get()));
        }
    }
}
