package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs clone}: a testing aid that cross-links a file on purpose. */
@Command(name = "clone", header = "TESTING ONLY: cross-link a file (fsck must find it).",
        description = {
            "TESTING ONLY: log DEST with exactly SRC's extents, so that the two files share device memory.",
            "This deliberately corrupts the file system: 'famfs fsck' reports the allocation collision and",
            "exits 1. Unlike the reference (where DEST became a second name for SRC's memory), jfamfs's",
            "strict log replay rejects DEST, so it does not appear in mounts. Master only; SRC and DEST",
            "must be in the same jfamfs mount. Works on every kernel (the reference needed v1 ioctls)."},
        footer = {"EXIT STATUS", "  0 success; 1 usage error, bad SRC or DEST, not in famfs, or this host is a client;",
            "  18 (EXDEV) different file systems; 28 (ENOSPC) log full."})
public final class CloneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..2", paramLabel = "SRC DEST", description = "An existing famfs file and a new path in the same mount.")
    java.util.List<Path> args = java.util.List.of();

    @Override
    public Integer call() throws Exception {
        if (args.size() != 2) {
            throw Usage.error(spec, "expected SRC and DEST");
        }
        CloneOps.clone(args.get(0), args.get(1));
        return 0;
    }
}
