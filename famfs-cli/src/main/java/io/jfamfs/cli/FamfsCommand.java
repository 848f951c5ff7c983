package io.jfamfs.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code famfs}: the root of the command tree; with no command it prints usage and exits 1. */
@Command(name = "famfs", header = "The famfs file system command line (jfamfs).", versionProvider = Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "famfs, the Fabric-Attached Memory File System (jfamfs, in Java).",
            "",
            "Files are fixed-size and pre-allocated in shared memory (a devdax device such as /dev/dax0.0,",
            "or an emulated device file made with 'famfs dev create'); metadata is a log on the device,",
            "replayed by every host. Only the master host (its system uuid is in the superblock) may",
            "create files and directories.",
            "",
            "'famfs -h COMMAND' or 'famfs COMMAND --help' shows a command's help."},
        footer = {"EXIT STATUS",
            "  0 on success; 1 when no command is given; 3 for an unknown command; otherwise as each",
            "  command documents (an errno value is returned as the exit status, capped at 127).",
            "",
            "ENVIRONMENT",
            "  FAMFS_SYSTEM_UUID_FILE  this host's system uuid file (default /opt/famfs/system_uuid)",
            "  JFAMFS_DEBUG=1          print stack traces of failures"},
        // Subcommands are added by Main from COMMANDS: only the one invoked, to keep start-up short.
        subcommands = {})
public final class FamfsCommand implements Callable<Integer> {
    /** Every subcommand, in help order. */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("mount", MountCommand::new);
        m.put("umount", UmountCommand::new);
        m.put("fsck", FsckCommand::new);
        m.put("check", CheckCommand::new);
        m.put("mkdir", MkdirCommand::new);
        m.put("creat", CreatCommand::new);
        m.put("cp", CpCommand::new);
        m.put("verify", VerifyCommand::new);
        m.put("flush", FlushCommand::new);
        m.put("getmap", GetmapCommand::new);
        m.put("chkread", ChkreadCommand::new);
        m.put("clone", CloneCommand::new);
        m.put("logplay", LogplayCommand::new);
        m.put("mkmeta", MkmetaCommand::new);
        m.put("dev", DevCommand::new);
        m.put("completion", CompletionCommand::new);
        return Collections.unmodifiableMap(m);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit 0.")
    boolean version;

    @Option(names = "--dryrun", hidden = true, description = "Accepted and ignored, as in the reference.")
    boolean dryrun;

    @Option(names = "--debug", hidden = true, description = "Print stack traces of failures (as JFAMFS_DEBUG=1).")
    void debug(boolean on) {
        if (on) {
            Failures.enableDebug();
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("famfs: no command given");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 1;
    }
}
