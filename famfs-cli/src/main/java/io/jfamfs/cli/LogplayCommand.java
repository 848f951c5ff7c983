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

/** {@code famfs logplay}: replays the log, reports it, and optionally writes reference shadow YAML. */
@Command(name = "logplay", header = "Replay and report the log; write reference shadow YAML.",
        description = {
            "Replay the log of the jfamfs mount where PATH lives and report what it holds. A jfamfs mount",
            "picks up new log entries on its own, so this is never needed to see new files; it checks the",
            "log and prints statistics (entries, files, directories, rejected entries).",
            "",
            "--shadow DIR writes the reference daemon's shadow tree into DIR/root: a directory per logged",
            "directory and, per file, a YAML file exactly as famfs_fused reads it. --shadowtest re-parses",
            "each YAML written (or found) and requires the same record. --daxdev DEV reads the log from an",
            "unmounted device instead (requires --shadow).",
            "",
            "Fixed reference bug: the short forms work: -s DIR = --shadow DIR, -S = --shadowtest, so the",
            "reference smoke tests' 'logplay -Ss DIR MPT' really writes and tests the shadow tree (the",
            "reference printed usage and exited 0)."},
        footer = {"EXIT STATUS",
            "  0 clean; otherwise the number of problems found (bad or rejected entries, shadow files that",
            "  could not be written or do not match), capped at 127; 1 for usage and setup errors."})
public final class LogplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-n", "--dryrun"}, description = "Parse and report only; write nothing.")
    boolean dryRun;

    @Option(names = {"-v", "--verbose"}, description = "Verbose (repeatable; -vv prints each YAML).")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-s", "--shadow"}, paramLabel = "DIR", description = "Write the shadow tree into DIR/root.")
    List<Path> shadow = new ArrayList<>();

    @Option(names = {"-S", "--shadowtest"}, description = "Re-read every shadow YAML and compare.")
    boolean shadowTest;

    @Option(names = "--daxdev", paramLabel = "DEV", description = "Read the log from this unmounted device (needs --shadow).")
    Path daxdev;

    @Option(names = {"-c", "--client"}, hidden = true, description = "Play as a client would.")
    boolean client;

    @Option(names = {"-m", "--mmap"}, hidden = true)
    boolean mmap;

    @Option(names = {"-r", "--read"}, hidden = true)
    boolean read;

    @Option(names = {"-M", "--set-daxmode"}, hidden = true)
    boolean setDaxmode;

    @Option(names = "--system-uuid-file", hidden = true, paramLabel = "FILE")
    Path systemUuidFile;

    @Parameters(arity = "0..1", paramLabel = "MOUNTPOINT|PATH", description = "A jfamfs mount point or any path in it.")
    Path target;

    /** The logplay options as one value. */
    record Options(boolean dryRun, int verbose, Path shadow, boolean shadowTest, boolean client) {
    }

    @Override
    public Integer call() throws Exception {
        if (mmap && read) {
            throw Usage.error(spec, "-m/--mmap and -r/--read are mutually exclusive");
        }
        if (shadow.size() > 1) {
            throw Usage.error(spec, "--shadow may only be given once");
        }
        if (shadowTest && shadow.isEmpty()) {
            throw Usage.error(spec, "--shadowtest requires --shadow");
        }
        if (daxdev != null && shadow.isEmpty()) {
            throw Usage.error(spec, "--daxdev requires --shadow");
        }
        if (daxdev != null && target != null) {
            throw Usage.error(spec, "give either --daxdev DEV or a MOUNTPOINT, not both");
        }
        if (daxdev == null && target == null) {
            throw Usage.error(spec, "missing MOUNTPOINT");
        }
        Options o = new Options(dryRun, verbose.length, shadow.isEmpty() ? null : shadow.getFirst(), shadowTest, client);
        try {
            return Math.min(LogplayOps.logplay(spec.commandLine(), target, daxdev, systemUuidFile, o), Failures.MAX_EXIT);
        } catch (Exception e) {
            throw new CliException(1, Failures.message(e), e);
        }
    }
}
