package io.jfamfs.famfs.daemon;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.Role;
import io.jfamfs.fuse.session.MountOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The background daemon process behind {@code famfs mount}: {@code DaemonMain DEVICE MOUNTPOINT
 * [options]} (see {@link DaemonArgs}). It logs to its log file, prints one line {@code READY} on
 * stdout once the mount answers (or {@code ERROR <reason>} and exits 1 when it cannot start), keeps
 * a state file under /run/jfamfs while it serves, and exits 0 when the file system is unmounted
 * ({@code famfs umount}, {@code umount}, or SIGTERM, which unmounts).
 */
public final class DaemonMain {
    private static final System.Logger LOG = System.getLogger(DaemonMain.class.getName());

    private DaemonMain() {
    }

    public static void main(String[] argv) {
        PrintStream out = System.out;
        DaemonArgs args;
        try {
            args = DaemonArgs.parse(argv);
            DaemonLog.configure(args.effectiveLogFile(), args.debug());
        } catch (IllegalArgumentException | IOException e) {
            out.println("ERROR " + e.getMessage().replace('\n', ' '));
            out.flush();
            System.exit(1);
            return;
        }
        System.exit(run(args, out));
    }

    /** Serves until unmounted; returns the exit code. */
    static int run(DaemonArgs args, PrintStream out) {
        Path mountpoint = Mounts.canonical(args.mountpoint());
        FamfsOptions options = FamfsOptions.builder().systemUuidFile(args.systemUuidFile().orElse(null))
                .readOnly(args.readOnly()).build();
        try (Famfs famfs = Famfs.open(args.device(), options)) {
            DaemonConfig config = DaemonConfig.defaults().withTimeout(args.timeout()).withCacheMode(args.cache())
                    .withReadOnly(args.readOnly());
            MountOptions mount = MountOptions.of(args.device().toString(), mountpoint)
                    .withAllowOther(args.allowOther()).withDefaultPermissions(args.defaultPermissions());
            if (args.threads() > 0) {
                mount = mount.withThreads(args.threads());
            }
            FamfsServer server = FamfsServer.start(famfs, config, mount);
            DaemonState state = new DaemonState(ProcessHandle.current().pid(), mountpoint,
                    Mounts.canonical(args.device()), args.systemUuidFile().map(p -> p.toAbsolutePath()),
                    famfs.systemUuid().map(Object::toString).orElse(""), famfs.role() == Role.MASTER, args.readOnly());
            Path stateDir = DaemonState.dir();
            Thread hook = Thread.ofPlatform().unstarted(() -> { // SIGTERM: unmount cleanly, drop the state
                server.close();
                try {
                    Files.deleteIfExists(state.file(stateDir));
                } catch (IOException ignored) {
                    // the JVM is going away; a stale state file is ignored by its dead pid
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                state.write(stateDir);
                Files.getAttribute(mountpoint, "unix:mode"); // the mount answers
                LOG.log(System.Logger.Level.INFO, "serving {0} on {1} as {2}{3} (pid {4})", args.device(), mountpoint,
                        famfs.role(), args.readOnly() ? ", read-only" : "", state.pid());
                out.println("READY");
                out.flush();
                server.awaitUnmount();
            } finally {
                Files.deleteIfExists(state.file(stateDir));
            }
            LOG.log(System.Logger.Level.INFO, "{0} unmounted; exiting", mountpoint);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down (SIGTERM): the hook is running
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot serve {0} on {1}: {2}", args.device(), mountpoint, e.getMessage());
            out.println("ERROR " + String.valueOf(e.getMessage()).replace('\n', ' '));
            out.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Returns how long {@link MountLauncher} waits for READY by default. */
    static Duration defaultStartTimeout() {
        return Duration.ofSeconds(30);
    }
}
