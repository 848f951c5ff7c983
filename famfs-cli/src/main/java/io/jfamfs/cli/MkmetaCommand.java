package io.jfamfs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs mkmeta}: a v1 leftover; jfamfs mounts always have their meta files. */
@Command(name = "mkmeta", header = "Not needed with jfamfs (kept for scripts).",
        description = {
            "Not needed with jfamfs: its mounts always show .meta/.superblock and .meta/.log. Kept so that",
            "scripts written for the reference's v1 mode keep working; it does nothing."},
        footer = {"EXIT STATUS", "  0 always (1 when no MEMDEVICE is given, as in the reference)."})
public final class MkmetaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "MEMDEVICE", description = "Ignored.")
    List<String> args = List.of();

    @Override
    public Integer call() {
        if (args.isEmpty()) {
            throw Usage.error(spec, "missing MEMDEVICE");
        }
        spec.commandLine().getErr().println(
                "famfs mkmeta: not needed with jfamfs: every mount has .meta/.superblock and .meta/.log");
        return 0;
    }
}
