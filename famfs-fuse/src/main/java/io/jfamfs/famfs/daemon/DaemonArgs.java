package io.jfamfs.famfs.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's command line: {@code DEVICE MOUNTPOINT [options]}. Kept as a value so that
 * {@link MountLauncher} builds exactly what {@link DaemonMain} parses.
 *
 * <pre>
 *   --system-uuid-file F        this host's system uuid (decides master or client)
 *   --read-only                 refuse writes and mkdir, mount MS_RDONLY
 *   --timeout S                 entry/attribute cache timeout in seconds (default 1)
 *   --cache always|normal|never (default normal; see CacheMode)
 *   --debug                     log every failed request
 *   --log FILE                  (default /var/log/jfamfs/&lt;mountpoint&gt;.log)
 *   --threads N                 reader threads (default min(4, cores))
 *   -u, --no-allow-other        only the mounting user may access the mount
 *   -p, --no-default-permissions the kernel does not check mode bits
 * </pre>
 */
public record DaemonArgs(Path device, Path mountpoint, Optional<Path> systemUuidFile, boolean readOnly,
        Duration timeout, CacheMode cache, boolean debug, Optional<Path> logFile, int threads, boolean allowOther,
        boolean defaultPermissions) {
    public static final Path LOG_DIR = Path.of("/var/log/jfamfs");

    /** Returns the defaults for {@code device} on {@code mountpoint}. */
    public static DaemonArgs of(Path device, Path mountpoint) {
        return new DaemonArgs(device, mountpoint, Optional.empty(), false, Duration.ofSeconds(1), CacheMode.NORMAL,
                false, Optional.empty(), 0, true, true);
    }

    /** Parses {@code args}; throws IllegalArgumentException with a usage message on a mistake. */
    public static DaemonArgs parse(String... args) {
        List<String> positional = new ArrayList<>();
        DaemonArgs a = null;
        Optional<Path> uuid = Optional.empty();
        Optional<Path> log = Optional.empty();
        boolean readOnly = false, debug = false, allowOther = true, defaultPermissions = true;
        Duration timeout = Duration.ofSeconds(1);
        CacheMode cache = CacheMode.NORMAL;
        int threads = 0;
        for (int i = 0; i < args.length; i++) {
            String s = args[i];
            switch (s) {
                case "--system-uuid-file" -> uuid = Optional.of(Path.of(value(args, ++i, s)));
                case "--read-only" -> readOnly = true;
                case "--timeout" -> timeout = Duration.ofMillis((long) (seconds(value(args, ++i, s)) * 1000));
                case "--cache" -> cache = CacheMode.parse(value(args, ++i, s));
                case "--debug" -> debug = true;
                case "--log" -> log = Optional.of(Path.of(value(args, ++i, s)));
                case "--threads" -> threads = Integer.parseInt(value(args, ++i, s));
                case "-u", "--no-allow-other" -> allowOther = false;
                case "-p", "--no-default-permissions" -> defaultPermissions = false;
                default -> {
                    if (s.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + s + "\n" + usage());
                    }
                    positional.add(s);
                }
            }
        }
        if (positional.size() != 2) {
            throw new IllegalArgumentException("expected DEVICE MOUNTPOINT\n" + usage());
        }
        return new DaemonArgs(Path.of(positional.get(0)), Path.of(positional.get(1)), uuid, readOnly, timeout, cache,
                debug, log, threads, allowOther, defaultPermissions);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static double seconds(String s) {
        double d = Double.parseDouble(s);
        if (d < 0 || d > 86400 * 365) {
            throw new IllegalArgumentException("--timeout must be 0..31536000 seconds: " + s);
        }
        return d;
    }

    static String usage() {
        return "usage: DaemonMain DEVICE MOUNTPOINT [--system-uuid-file F] [--read-only] [--timeout S] "
                + "[--cache always|normal|never] [--debug] [--log FILE] [--threads N] [-u] [-p]";
    }

    /** Returns the arguments that {@link #parse} turns back into this value. */
    public List<String> toArgs() {
        List<String> out = new ArrayList<>(List.of(device.toString(), mountpoint.toString()));
        systemUuidFile.ifPresent(f -> out.addAll(List.of("--system-uuid-file", f.toString())));
        if (readOnly) {
            out.add("--read-only");
        }
        out.addAll(List.of("--timeout", Double.toString(timeout.toMillis() / 1000.0), "--cache",
                cache.name().toLowerCase()));
        if (debug) {
            out.add("--debug");
        }
        logFile.ifPresent(f -> out.addAll(List.of("--log", f.toString())));
        if (threads > 0) {
            out.addAll(List.of("--threads", Integer.toString(threads)));
        }
        if (!allowOther) {
            out.add("--no-allow-other");
        }
        if (!defaultPermissions) {
            out.add("--no-default-permissions");
        }
        return out;
    }

    /** Returns the log file: the one given, or one named after the mountpoint under /var/log/jfamfs. */
    public Path effectiveLogFile() {
        return logFile.orElseGet(() -> LOG_DIR.resolve(nameOf(mountpoint) + ".log"));
    }

    /** Derives a file name from a mountpoint: {@code /mnt/famfs} → {@code mnt-famfs}. */
    static String nameOf(Path mountpoint) {
        String s = mountpoint.toAbsolutePath().normalize().toString().replaceAll("^/+", "").replaceAll("[^A-Za-z0-9._]", "-");
        return s.isEmpty() ? "root" : s;
    }

    public DaemonArgs withSystemUuidFile(Path f) {
        return new DaemonArgs(device, mountpoint, Optional.ofNullable(f), readOnly, timeout, cache, debug, logFile,
                threads, allowOther, defaultPermissions);
    }

    public DaemonArgs withLogFile(Path f) {
        return new DaemonArgs(device, mountpoint, systemUuidFile, readOnly, timeout, cache, debug, Optional.ofNullable(f),
                threads, allowOther, defaultPermissions);
    }

    public DaemonArgs withReadOnly(boolean r) {
        return new DaemonArgs(device, mountpoint, systemUuidFile, r, timeout, cache, debug, logFile, threads,
                allowOther, defaultPermissions);
    }

    public DaemonArgs withCache(CacheMode c) {
        return new DaemonArgs(device, mountpoint, systemUuidFile, readOnly, timeout, c, debug, logFile, threads,
                allowOther, defaultPermissions);
    }

    public DaemonArgs withTimeout(Duration t) {
        return new DaemonArgs(device, mountpoint, systemUuidFile, readOnly, t, cache, debug, logFile, threads,
                allowOther, defaultPermissions);
    }

    public DaemonArgs withDebug(boolean d) {
        return new DaemonArgs(device, mountpoint, systemUuidFile, readOnly, timeout, cache, d, logFile, threads,
                allowOther, defaultPermissions);
    }

    public DaemonArgs withThreads(int n) {
        return new DaemonArgs(device, mountpoint, systemUuidFile, readOnly, timeout, cache, debug, logFile, n,
                allowOther, defaultPermissions);
    }

    public DaemonArgs withAllowOther(boolean on) {
        return new DaemonArgs(device, mountpoint, systemUuidFile, readOnly, timeout, cache, debug, logFile, threads,
                on, defaultPermissions);
    }

    public DaemonArgs withDefaultPermissions(boolean on) {
        return new DaemonArgs(device, mountpoint, systemUuidFile, readOnly, timeout, cache, debug, logFile, threads,
                allowOther, on);
    }
}
