package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs fsck}: checks a device's superblock, log and allocations, by device or by a path in a mount. */
@Command(name = "fsck", header = "Check a famfs file system (by device or by a path in a mount).",
        description = {
            "Check the famfs file system on MEMDEVICE, or the one mounted where PATH lives (any path in a",
            "jfamfs mount). Prints the superblock, log usage, files and directories, allocation and every",
            "problem found (bad CRCs or sequence numbers, rejected paths, extents outside the device or",
            "overlapping another file). A mounted device is only checked through a path in its mount.",
            "",
            "Unlike the reference, -h means --human only here; use -? or --help for help."},
        footer = {"EXIT STATUS",
            "  0  the file system is clean",
            "  1  the device holds errors (the reference returned the number of allocation collisions;",
            "     jfamfs returns 1 for any error and lists them all, see --json)",
            "  2  usage error, or the device or path could not be read",
            "  16 (EBUSY) MEMDEVICE is mounted: check it through its mount point instead"})
public final class FsckCommand implements Callable<Integer>, Usage.ExitCode {
    @Spec
    CommandSpec spec;

    @Option(names = {"-?", "--help"}, usageHelp = true, description = "Show this help and exit 0.")
    boolean help;

    @Option(names = {"-h", "--human"}, description = "Human-readable sizes.")
    boolean human;

    @Option(names = {"-v", "--verbose"}, description = "Verbose: offsets, log_len, every log entry.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-j", "--json"}, description = "Print one JSON object (superblock, log, entries, files, errors).")
    boolean json;

    @Option(names = {"-B", "--nbuckets"}, converter = Converters.Base0Int.class, paramLabel = "N",
            description = "Also report usage per bucket, for N equal buckets of the device.")
    Integer nbuckets;

    @Option(names = "--system-uuid-file", paramLabel = "FILE",
            description = "The system uuid file that decides this host's role (default as for mkfs.famfs).")
    Path systemUuidFile;

    @Option(names = {"-M", "--set-daxmode"}, hidden = true)
    boolean setDaxmode;

    @Option(names = {"-L", "--load-module"}, hidden = true)
    boolean loadModule;

    @Option(names = {"-F", "--nofuse"}, hidden = true)
    boolean nofuse;

    @Option(names = "--fuse", hidden = true)
    boolean fuse;

    @Option(names = {"-m", "--mmap"}, hidden = true)
    boolean mmap;

    @Option(names = {"-r", "--read"}, hidden = true)
    boolean read;

    @Option(names = {"-D", "--nodax"}, hidden = true)
    boolean nodax;

    @Option(names = "-f", hidden = true)
    boolean unusedF;

    @Parameters(arity = "0..1", paramLabel = "MEMDEVICE|PATH", description = "A device, or any path in a jfamfs mount.")
    Path target;

    @Override
    public int usageExitCode() {
        return 2;
    }

    @Override
    public Integer call() throws Exception {
        if (mmap && read) {
            throw Usage.error(spec, "-m/--mmap and -r/--read are mutually exclusive");
        }
        if (target == null) {
            throw Usage.error(spec, "missing MEMDEVICE or PATH");
        }
        if (nbuckets != null && (nbuckets < 1 || nbuckets > 64)) {
            throw Usage.error(spec, "--nbuckets must be between 1 and 64: " + nbuckets);
        }
        return Devices.fsck(spec.commandLine().getOut(), target, systemUuidFile,
                new FsckPrinter.Options(human, verbose.length, json, nbuckets));
    }
}
