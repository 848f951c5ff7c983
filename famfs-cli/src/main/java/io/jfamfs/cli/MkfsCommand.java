package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mkfs.famfs}: writes a fresh superblock and an empty log (or, with {@code -f -k}, kills one). */
@Command(name = "mkfs.famfs", header = "Format a device as famfs.", versionProvider = Version.class,
        description = {
            "Format MEMDEVICE (a devdax device such as /dev/dax0.0, or an emulated device file made with",
            "'famfs dev create') as a famfs file system: a new superblock owned by this host (its system",
            "uuid) and an empty log, then print a summary as 'famfs fsck' does.",
            "",
            "A device that holds a famfs superblock is only overwritten with --force; with --force --kill",
            "only the superblock magic is cleared, which makes the device unmountable. A mounted device is",
            "never formatted. The device must be at least 4 GiB."},
        footer = {"EXIT STATUS",
            "  0  success",
            "  1  not run as root, or no MEMDEVICE given",
            "  2  any other failure (invalid log length, device too small, missing, mounted, or already",
            "     formatted without --force)",
            "",
            "NOTES",
            "  --kill without --force is ignored and a normal mkfs is attempted, as in the reference."})
public final class MkfsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit 0.")
    boolean version;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing famfs superblock (also one owned by another host).")
    boolean force;

    @Option(names = {"-k", "--kill"}, description = "With --force: only clear the superblock magic.")
    boolean kill;

    @Option(names = {"-l", "--loglen"}, converter = Converters.Size.class, paramLabel = "SIZE",
            description = "Log length: a power of two, at least 8m (default 8m).")
    Long logLength;

    @Option(names = {"-v", "--verbose"}, description = "Verbose output.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-M", "--set-daxmode"}, description = "Accepted for compatibility; jfamfs never switches dax modes.")
    boolean setDaxmode;

    @Option(names = {"-F", "--nofuse"}, hidden = true)
    boolean nofuse;

    @Option(names = "--fuse", hidden = true)
    boolean fuse;

    @Option(names = {"-D", "--nodax"}, hidden = true)
    boolean nodax;

    @Option(names = "--system-uuid-file", paramLabel = "FILE",
            description = "This host's system uuid file (default: $FAMFS_SYSTEM_UUID_FILE or /opt/famfs/system_uuid).")
    Path systemUuidFile;

    @Parameters(arity = "0..1", paramLabel = "MEMDEVICE", description = "The device to format.")
    Path device;

    /** The smallest log mkfs accepts (the reference's limit): 8 MiB, about 15,420 entries. */
    static final long MIN_LOG = 8L << 20;

    @Override
    public Integer call() throws CliException {
        if (!ProcessIds.current().isRoot()) {
            throw new CliException(1, "must run as root");
        }
        if (device == null) {
            throw Usage.error(spec, "missing MEMDEVICE");
        }
        long len = logLength != null ? logLength : MIN_LOG;
        if (len < MIN_LOG || Long.bitCount(len) != 1) {
            throw new CliException(2, "invalid log length %d: must be a power of two and at least %d (8m)"
                    .formatted(len, MIN_LOG));
        }
        try {
            Devices.format(spec.commandLine().getOut(), device, len, force, force && kill, systemUuidFile,
                    verbose.length > 0);
            return 0;
        } catch (Exception e) {
            // The reference exits 2 for every failure past argument checking.
            throw new CliException(2, Failures.message(e), e);
        }
    }
}
