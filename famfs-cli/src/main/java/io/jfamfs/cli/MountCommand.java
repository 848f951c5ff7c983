package io.jfamfs.cli;

import io.jfamfs.famfs.daemon.CacheMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs mount}: starts the jfamfs FUSE daemon for a device and returns when the mount answers. */
@Command(name = "mount", header = "Mount a famfs device (start the jfamfs FUSE daemon).",
        description = {
            "Mount the famfs file system on MEMDEVICE at MOUNTPOINT. jfamfs serves it with its own FUSE",
            "daemon (no libfuse, no famfs kernel module needed; on famfs-enabled kernels the kernel maps",
            "files itself). The command returns once the mount answers; 'famfs umount MOUNTPOINT' or",
            "'umount MOUNTPOINT' ends it. The device must hold a valid superblock and must not be mounted.",
            "",
            "Differences from the reference: there is no shadow directory (-S is accepted and ignored);",
            "-u/--nouseraccess really drops allow_other (the reference's help said the opposite). The daemon",
            "logs to /var/log/jfamfs/<mountpoint>.log unless --log is given. Several hosts are simulated",
            "on one machine by giving each mount its own --system-uuid-file.",
            "",
            "Example: famfs mount /dev/shm/famfs0 /mnt/famfs"},
        footer = {"EXIT STATUS",
            "  0  mounted",
            "  1  not root, wrong arguments, or -r with -m / -t with -c",
            "  1  any failure to mount (no valid superblock, already mounted by this host, mount point",
            "     not an empty directory, daemon did not start); the reason is printed and the daemon's log",
            "     named. A failed mount never leaves a mount or a daemon behind (the reference could exit 99)."})
public final class MountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-f", "--fuse"}, description = "Use FUSE (always: jfamfs has no v1 mode).")
    boolean fuse;

    @Option(names = {"-F", "--nofuse"}, description = "Use the v1 kernel module: not supported by jfamfs (fails).")
    boolean nofuse;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Attribute and entry cache timeout (default 1 s: unlike the reference's 1 year, jfamfs "
                    + "re-reads the log itself, so new files of other hosts appear without logplay).")
    Double timeout;

    @Option(names = {"-c", "--cache"}, paramLabel = "always|normal|never",
            description = "Cache mode (not with -t): always = page cache and 1-year timeouts, normal = direct I/O "
                    + "and 1 s (default), never = direct I/O and no caching.")
    String cache;

    @Option(names = {"-d", "--debug"}, description = "Debug logging in the daemon (every failed request).")
    boolean debug;

    @Option(names = {"-v", "--verbose"}, description = "Verbose (repeatable).")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-u", "--nouseraccess"}, description = "Do not add allow_other: only the mounting user may access files.")
    boolean noUserAccess;

    @Option(names = {"-p", "--nodefaultperm"}, description = "Do not add default_permissions (no kernel permission checks).")
    boolean noDefaultPermissions;

    @Option(names = "--read-only", description = "Mount read-only: no file or directory may be created through it.")
    boolean readOnly;

    @Option(names = "--system-uuid-file", paramLabel = "FILE",
            description = "This host's system uuid file (decides master or client; default as for mkfs.famfs).")
    Path systemUuidFile;

    @Option(names = "--log", paramLabel = "FILE", description = "Daemon log file (default: /var/log/jfamfs/<mountpoint>.log).")
    Path log;

    @Option(names = {"-S", "--shadow"}, paramLabel = "PATH", description = "Accepted for compatibility; jfamfs keeps no shadow tree.")
    List<Path> shadow;

    @Option(names = {"-M", "--set-daxmode"}, description = "Accepted for compatibility; jfamfs never switches dax modes.")
    boolean setDaxmode;

    @Option(names = {"-L", "--load-module"}, hidden = true)
    boolean loadModule;

    @Option(names = {"-D", "--dummy"}, hidden = true)
    boolean dummy;

    @Option(names = {"-R", "--remount"}, hidden = true)
    boolean remount;

    @Option(names = {"-r", "--read"}, hidden = true, description = "Read the log with read() (same result).")
    boolean read;

    @Option(names = {"-m", "--mmap"}, hidden = true, description = "Read the log with mmap (default).")
    boolean mmap;

    @Parameters(arity = "0..*", paramLabel = "MEMDEVICE MOUNTPOINT", description = "The device (/dev/daxX.Y or an emulated device file) and an empty directory.")
    List<Path> args = List.of();

    /** The reference's timeout when none is given (and the longest accepted): one year. */
    static final double DEFAULT_TIMEOUT = 31_536_000;

    @Override
    public Integer call() throws Exception {
        if (!ProcessIds.current().isRoot()) {
            throw new CliException(1, "must run as root");
        }
        if (args.size() != 2) {
            throw Usage.error(spec, "expected MEMDEVICE and MOUNTPOINT, got " + args.size() + " argument(s)");
        }
        if (read && mmap) {
            throw Usage.error(spec, "-r/--read and -m/--mmap are mutually exclusive");
        }
        if (timeout != null && cache != null) {
            throw Usage.error(spec, "-t/--timeout and -c/--cache are mutually exclusive");
        }
        if (shadow != null && shadow.size() > 1) {
            throw Usage.error(spec, "--shadow may only be given once");
        }
        if (nofuse) {
            throw new CliException(1, "the v1 famfs kernel module is not supported by jfamfs; mount without --nofuse");
        }
        if (timeout != null && (timeout < 0 || timeout > DEFAULT_TIMEOUT)) {
            throw Usage.error(spec, "timeout must be 0.." + (long) DEFAULT_TIMEOUT + " seconds: " + timeout);
        }
        CacheMode mode = cache == null ? null : switch (cache) {
            case "always", "normal", "never" -> CacheMode.parse(cache);
            default -> throw Usage.error(spec, "--cache must be always, normal or never: " + cache);
        };
        Double t = timeout != null ? timeout : mode == null ? null : switch (mode) {
            case ALWAYS -> DEFAULT_TIMEOUT;
            case NORMAL -> 1.0;
            case NEVER -> 0.0;
        };
        Mounting.mount(spec.commandLine(), args.get(0), args.get(1), new Mounting.Options(t, mode, debug,
                verbose.length, !noUserAccess, !noDefaultPermissions, readOnly, systemUuidFile, log));
        return 0;
    }
}
