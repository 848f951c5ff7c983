package io.jfamfs.cli;

import io.jfamfs.famfs.daemon.CacheMode;
import io.jfamfs.famfs.daemon.DaemonArgs;
import io.jfamfs.famfs.daemon.MountLauncher;
import io.jfamfs.famfs.daemon.Mounts;
import io.jfamfs.famfs.daemon.Unmounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;

/** Adapters over the fuse module's {@link MountLauncher} and {@link Unmounter}. */
final class Mounting {
    /** Mount options as values; {@code timeoutSeconds} null and {@code cache} null keep the daemon's defaults. */
    record Options(Double timeoutSeconds, CacheMode cache, boolean debug, int verbose, boolean allowOther,
            boolean defaultPermissions, boolean readOnly, Path systemUuidFile, Path log) {
    }

    private Mounting() {
    }

    static void mount(CommandLine cmd, Path device, Path mountpoint, Options o) throws CliException {
        if (!Files.exists(device)) {
            throw new CliException(1, "device not found: " + device);
        }
        if (!Files.isDirectory(mountpoint)) {
            throw new CliException(1, "mount point is not a directory: " + mountpoint);
        }
        DaemonArgs args = DaemonArgs.of(device, mountpoint).withReadOnly(o.readOnly()).withDebug(o.debug())
                .withAllowOther(o.allowOther()).withDefaultPermissions(o.defaultPermissions())
                .withSystemUuidFile(systemUuidFile(o)).withLogFile(o.log());
        if (o.cache() != null) {
            args = args.withCache(o.cache());
        }
        if (o.timeoutSeconds() != null) {
            args = args.withTimeout(Duration.ofMillis(Math.round(o.timeoutSeconds() * 1000)));
        }
        MountLauncher.Result r = MountLauncher.mount(args);
        if (!r.mounted()) {
            throw new CliException(1, r.message());
        }
        if (o.verbose() > 0) {
            cmd.getOut().println(r.message() + " (daemon pid " + r.pid() + ")");
        }
    }

    /** The identity the mount records: the option, else $FAMFS_SYSTEM_UUID_FILE, else the default file. */
    private static Path systemUuidFile(Options o) {
        if (o.systemUuidFile() != null) {
            return o.systemUuidFile().toAbsolutePath();
        }
        String env = System.getenv("FAMFS_SYSTEM_UUID_FILE");
        return env == null || env.isBlank() ? null : Path.of(env).toAbsolutePath();
    }

    static void umount(CommandLine cmd, Path mountpoint, boolean lazy, boolean verbose) throws CliException {
        Path mp = mountpoint.toAbsolutePath().normalize();
        Optional<?> info = Mounts.all().stream().filter(m -> m.mountpoint().equals(mp)).findFirst();
        if (info.isEmpty()) {
            throw new CliException(1, mp + " is not a jfamfs mount point");
        }
        Unmounter.Result r = MountLauncher.unmount(mp);
        if (!r.unmounted()) {
            throw new CliException(r.message().contains("busy") ? 16 : 1, r.message());
        }
        if (verbose) {
            cmd.getOut().println(r.message());
        }
    }
}
