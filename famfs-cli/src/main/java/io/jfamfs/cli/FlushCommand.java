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

/** {@code famfs flush}: writes back and invalidates the CPU cache over whole files. */
@Command(name = "flush", header = "Flush and invalidate the CPU cache over files.",
        description = {
            "Flush (write back) and invalidate the processor cache over each FILE's device memory, so that",
            "other hosts see what this host wrote and this host sees what they wrote (msync of the",
            "mapping: on an emulated device the data is already coherent)."},
        footer = {"EXIT STATUS",
            "  the number of FILEs that could not be flushed (missing, not a regular file, not in a jfamfs",
            "  mount), capped at 127; 1 when no FILE is given.",
            "  (The reference's help ends with a copy-pasted note about file system errors that does not apply.)"})
public final class FlushCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-v", "--verbose"}, description = "Print each file flushed.")
    boolean verbose;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files in a jfamfs mount.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty()) {
            throw Usage.error(spec, "missing FILE");
        }
        return Math.min(NamespaceOps.flush(spec.commandLine(), files, verbose), Failures.MAX_EXIT);
    }
}
