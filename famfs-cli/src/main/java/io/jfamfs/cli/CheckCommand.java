package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs check}: compares what a mount shows with what the log says. */
@Command(name = "check", header = "Compare what a mount shows with what the log says.",
        description = {
            "Check the jfamfs mount at MOUNTPOINT (an absolute path): every file and directory it shows",
            "must be in the log with the same size, and every logged file must be visible. (The",
            "reference's check only worked with the v1 kernel module.)"},
        footer = {"EXIT STATUS", "  0 clean; 1 any problem, a relative path, or not a jfamfs mount point (the reference's help promised bits 1/2/4 it never returned)."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-v", "--verbose"}, description = "Verbose (repeatable).")
    boolean[] verbose = new boolean[0];

    @Parameters(arity = "0..1", paramLabel = "MOUNTPOINT", description = "The absolute path of a jfamfs mount point.")
    Path mountpoint;

    @Override
    public Integer call() throws Exception {
        if (mountpoint == null) {
            throw Usage.error(spec, "missing MOUNTPOINT");
        }
        if (!mountpoint.isAbsolute()) {
            throw new CliException(1, "MOUNTPOINT must be an absolute path: " + mountpoint);
        }
        try {
            return CheckOps.check(spec.commandLine(), mountpoint, verbose.length) == 0 ? 0 : 1;
        } catch (Exception e) {
            throw new CliException(1, Failures.message(e), e);
        }
    }
}
