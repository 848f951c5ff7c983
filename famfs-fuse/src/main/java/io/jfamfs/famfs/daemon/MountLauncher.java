package io.jfamfs.famfs.daemon;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What {@code famfs mount} does: check the device and the mountpoint, start the daemon JVM detached
 * ({@code setsid java ... DaemonMain DEVICE MOUNTPOINT ...}, so {@code ps} shows both), and wait for
 * its {@code READY} line. Failures come back as a {@link Result} with a reason a user can act on.
 */
public final class MountLauncher {
    private MountLauncher() {
    }

    /** The outcome: mounted (with the daemon's pid) or not, and why. */
    public record Result(boolean mounted, long pid, String message) {
        static Result failed(String message) {
            return new Result(false, -1, message);
        }
    }

    /**
     * Mounts with the daemon started from this JVM's java and class path; waits up to 30 s, or
     * {@code JFAMFS_MOUNT_TIMEOUT} seconds when that is set (slow machines: a TCG guest of
     * bin/famfs-vm under load needs 10-30 s).
     */
    public static Result mount(DaemonArgs args) {
        return mount(args, startTimeout(System.getenv("JFAMFS_MOUNT_TIMEOUT")));
    }

    static Duration startTimeout(String seconds) {
        try {
            if (seconds != null && Long.parseLong(seconds.trim()) > 0) {
                return Duration.ofSeconds(Long.parseLong(seconds.trim()));
            }
        } catch (NumberFormatException e) {
            // not a number: the default
        }
        return Duration.ofSeconds(30);
    }

    /** Mounts; waits up to {@code startTimeout} for the daemon's READY. */
    public static Result mount(DaemonArgs args, Duration startTimeout) {
        Path device = Mounts.canonical(args.device());
        Path mountpoint = Mounts.canonical(args.mountpoint());
        Optional<String> problem = checkMountpoint(mountpoint).or(() -> checkDevice(device, args));
        if (problem.isPresent()) {
            return Result.failed(problem.get());
        }
        DaemonArgs absolute = new DaemonArgs(device, mountpoint, args.systemUuidFile().map(Path::toAbsolutePath),
                args.readOnly(), args.timeout(), args.cache(), args.debug(),
                Optional.of(args.effectiveLogFile().toAbsolutePath()), args.threads(), args.allowOther(),
                args.defaultPermissions());
        return spawn(absolute, startTimeout);
    }

    static Optional<String> checkMountpoint(Path mountpoint) {
        if (!Files.isDirectory(mountpoint)) {
            return Optional.of("mountpoint " + mountpoint + " is not a directory");
        }
        if (Mounts.isMountpoint(mountpoint)) {
            return Optional.of("something is already mounted on " + mountpoint);
        }
        try (Stream<Path> s = Files.list(mountpoint)) {
            if (s.findAny().isPresent()) {
                return Optional.of("mountpoint " + mountpoint + " is not empty");
            }
        } catch (IOException e) {
            return Optional.of("cannot read mountpoint " + mountpoint + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Validates superblock and log (read-only open) and refuses a second mount by the same host. */
    static Optional<String> checkDevice(Path device, DaemonArgs args) {
        String me;
        try (Famfs fs = Famfs.open(device, FamfsOptions.builder().systemUuidFile(args.systemUuidFile().orElse(null))
                .readOnly(true).build())) {
            me = fs.systemUuid().map(Object::toString).orElse("");
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot mount " + device + ": " + e.getMessage());
        }
        for (DaemonState st : DaemonState.live(DaemonState.dir())) {
            if (st.device().equals(device) && st.systemUuid().equals(me) && Mounts.isMountpoint(st.mountpoint())) {
                return Optional.of("%s is already mounted on %s by this host (system uuid %s, daemon pid %d)"
                        .formatted(device, st.mountpoint(), me.isEmpty() ? "none" : me, st.pid()));
            }
        }
        return Optional.empty();
    }

    static List<String> command(DaemonArgs args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid"); // own session: the daemon outlives the shell that ran famfs mount
        }
        // Serial GC with a small initial heap: measured 272 vs 290 MiB RSS with 100,000 files and no G1
        // worker threads competing with the FUSE readers on small machines (famfs-bench FINDINGS).
        cmd.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xms32m",
                "-cp", System.getProperty("java.class.path"), DaemonMain.class.getName()));
        cmd.addAll(args.toArgs());
        return cmd;
    }

    private static Result spawn(DaemonArgs args, Duration startTimeout) {
        Path log = args.effectiveLogFile();
        Process p;
        try {
            Files.createDirectories(log.getParent());
            p = new ProcessBuilder(command(args)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            return Result.failed("cannot start the famfs daemon: " + e.getMessage());
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String first = line.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if ("READY".equals(first)) {
                return new Result(true, daemonPid(p), "mounted %s on %s (log %s)".formatted(args.device(),
                        args.mountpoint(), log));
            }
            p.waitFor(5, TimeUnit.SECONDS);
            String reason = first != null && first.startsWith("ERROR ") ? first.substring(6)
                    : "the daemon exited" + (p.isAlive() ? "" : " with status " + p.exitValue()) + " before the mount was ready";
            return Result.failed(reason + " (log " + log + ")");
        } catch (TimeoutException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return Result.failed("the daemon did not answer within " + startTimeout.toSeconds() + " s (log " + log + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("interrupted while waiting for the daemon");
        } catch (ExecutionException e) {
            return Result.failed("cannot read the daemon's output: " + e.getCause());
        }
    }

    /** Returns the daemon's pid: the java child of setsid (setsid execs, so usually the same pid). */
    private static long daemonPid(Process p) {
        return p.pid();
    }

    /** Unmounts {@code mountpoint} and waits for its daemon; see {@link Unmounter}. */
    public static Unmounter.Result unmount(Path mountpoint) {
        return Unmounter.unmount(mountpoint, Duration.ofSeconds(10));
    }
}
