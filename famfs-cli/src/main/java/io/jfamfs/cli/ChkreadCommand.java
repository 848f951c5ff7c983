package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs chkread}: reads a file with read() and through mmap and compares. */
@Command(name = "chkread", header = "Compare read() and mmap() of a file (meta files too).",
        description = {
            "Read FILE with read() and through mmap(), compare the two (\"Read and mmap match\"), and with",
            "-s or -l also decode it as a superblock or a log (for .meta/.superblock and .meta/.log)."},
        footer = {"EXIT STATUS", "  0 match; 1 no FILE, FILE unreadable, or the two reads differ (the reference could crash)."})
public final class ChkreadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-s", "--superblock"}, description = "Decode FILE as a superblock.")
    boolean superblock;

    @Option(names = {"-l", "--log"}, description = "Decode FILE as a log.")
    boolean log;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Any regular file (e.g. MOUNTPOINT/.meta/.log).")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (superblock && log) {
            throw Usage.error(spec, "-s and -l are mutually exclusive");
        }
        if (file == null) {
            throw Usage.error(spec, "missing FILE");
        }
        try {
            return Chkread.run(spec.commandLine(), file, superblock, log);
        } catch (Exception e) {
            throw new CliException(1, Failures.message(e), e);
        }
    }
}
