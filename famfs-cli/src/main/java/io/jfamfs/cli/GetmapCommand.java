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

/** {@code famfs getmap}: prints where a file's bytes live on the device. */
@Command(name = "getmap", header = "Print where a file's bytes live on the device.",
        description = {
            "Print the size and map of each FILE in a jfamfs mount: its extents (device offset and",
            "length) or, for an interleaved file, the chunk size and its strips. Works on every kernel",
            "(the reference needed the v1 kernel module)."},
        footer = {"EXIT STATUS",
            "  0  every FILE is a famfs file with a map",
            "  1  FILE is not in a jfamfs mount",
            "  9  (EBADF) FILE does not exist",
            "  21 (EISDIR) FILE is not a regular file",
            "  22 (EINVAL) no FILE given",
            "  Without -c the first failing FILE ends the command with its code; with -c every FILE is",
            "  tried and the last failure's code is returned."})
public final class GetmapCommand implements Callable<Integer>, Usage.ExitCode {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing; only the exit status tells.")
    boolean quiet;

    @Option(names = {"-c", "--continue"}, description = "Continue past files that fail.")
    boolean keepGoing;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files in a jfamfs mount.")
    List<Path> files = new ArrayList<>();

    @Override
    public int usageExitCode() {
        return 22;
    }

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty()) {
            throw Usage.error(spec, "missing FILE");
        }
        return NamespaceOps.getmap(spec.commandLine(), files, quiet, keepGoing);
    }
}
