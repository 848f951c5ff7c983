package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs mkdir}: logs a directory (master only). */
@Command(name = "mkdir", header = "Create a directory (master only).",
        description = {
            "Create directory DIR in a jfamfs mount (logged on the device; every host sees it after its",
            "next log replay). Only the master host may create directories.",
            "",
            "With -p, existing directories are fine and missing parents are created; -m, -u and -g apply",
            "only to the directories created. Paths may be relative; '.', '..' and '//' are resolved, but",
            "a path may not leave the file system."},
        footer = {"EXIT STATUS",
            "  0 success; 1 on any failure (no DIR, DIR exists without -p, missing parent without -p,",
            "  a component is a file, the path is the mount point itself without -p, not in a jfamfs mount,",
            "  this host is a client, the log is full)."})
public final class MkdirCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-p", "--parents"}, description = "No error if DIR exists; create missing parents.")
    boolean parents;

    @Mixin
    OwnerOptions owner;

    @Option(names = {"-v", "--verbose"}, description = "Print each directory created.")
    boolean verbose;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The directory to create, in a jfamfs mount.")
    Path dir;

    /** The reference's default directory mode (not masked by the umask). */
    static final int DEFAULT_MODE = 0755;

    @Override
    public Integer call() throws Exception {
        owner.validate(spec);
        if (dir == null) {
            throw Usage.error(spec, "missing DIR");
        }
        try {
            NamespaceOps.mkdir(spec.commandLine(), dir, parents, owner.mode != null ? owner.mode : DEFAULT_MODE,
                    owner.uidOr(ProcessIds.current().effectiveUid()),
                    owner.gidOr(ProcessIds.current().effectiveGid()), verbose);
            return 0;
        } catch (CliException e) {
            throw new CliException(1, e.getMessage(), e);
        } catch (Exception e) {
            throw new CliException(1, Failures.message(e), e);
        }
    }
}
