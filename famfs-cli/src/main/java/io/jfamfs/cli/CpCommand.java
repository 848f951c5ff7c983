package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs cp}: copies files into a jfamfs mount, straight into the device memory. */
@Command(name = "cp", header = "Copy files and trees into famfs, straight into device memory.",
        description = {
            "Copy SRC files (and, with -r, directories) into a jfamfs mount: each destination file is",
            "created with the source's size and the bytes are written straight into the mapped device",
            "memory. Only 'famfs cp' can copy into famfs; plain cp works for copying out.",
            "",
            "With two arguments DEST may be an existing directory (the file lands at DEST/basename(SRC)),",
            "a new path whose parent exists, or an existing famfs file of exactly SRC's size (the copy is",
            "redone: an interrupted cp can be restarted). With more sources, or -r, DEST must be a",
            "directory (with -r it may be created). Per-file failures (empty source, directory without",
            "-r, wrong-sized destination, unreadable source) are reported and the other sources are still",
            "copied. -c compares instead of copying.",
            "",
            "Mode defaults to the source's (masked by the umask), uid/gid to the caller's real ids."},
        footer = {"EXIT STATUS",
            "  0 success; 1 usage error, a missing top-level source, or any per-file failure (or difference",
            "  with -c); 22 (EINVAL) for a source that is neither a file nor a directory (e.g. /dev/zero);",
            "  28 (ENOSPC) out of space or log full."})
public final class CpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-r", "--recursive"}, description = "Copy directories recursively.")
    boolean recursive;

    @Option(names = {"-t", "--threadct"}, converter = Converters.Base0Int.class, paramLabel = "THREADS",
            description = "Copy files on THREADS threads (0 = inline, the default; at most 256).")
    int threads;

    @Mixin
    OwnerOptions owner;

    @Mixin
    InterleaveOptions interleave;

    @Option(names = {"-c", "--compare"}, description = "Compare SRC with the existing DEST files instead of copying.")
    boolean compare;

    @Option(names = {"-v", "--verbose"}, description = "Print each file copied.")
    boolean verbose;

    @Parameters(arity = "0..*", paramLabel = "SRC... DEST", description = "Files or directories to copy, then the destination in a jfamfs mount.")
    List<Path> paths = new ArrayList<>();

    /** The cp options as values. */
    record Options(boolean recursive, int threads, Integer mode, int uid, int gid,
            InterleaveOptions.Interleave interleave, boolean compare, boolean verbose) {
    }

    @Override
    public Integer call() throws Exception {
        owner.validate(spec);
        if (threads < 0 || threads > CreatCommand.MAX_THREADS) {
            throw Usage.error(spec, "--threadct must be between 0 and 256: " + threads);
        }
        if (paths.size() < 2) {
            throw Usage.error(spec, "need at least one SRC and a DEST");
        }
        ProcessIds ids = ProcessIds.current();
        Options o = new Options(recursive, threads, owner.mode, owner.uidOr(ids.realUid()), owner.gidOr(ids.realGid()),
                interleave.requested() ? interleave.resolve() : null, compare, verbose);
        return CpOps.cp(spec.commandLine(), paths.subList(0, paths.size() - 1), paths.getLast(), o);
    }
}
