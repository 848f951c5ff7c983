package io.jfamfs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code famfs dev}: emulated devices and dax device modes (jfamfs only). */
@Command(name = "dev", header = "Emulated devices and dax device modes: famfs dev create|mode.",
        synopsisSubcommandLabel = "COMMAND",
        description = "Manage emulated famfs devices (regular files on tmpfs or hugetlbfs) and dax device modes.",
        subcommands = {DevCreateCommand.class, DevModeCommand.class})
public final class DevCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        throw Usage.error(spec, "missing command (try 'famfs dev create --size 8G /dev/shm/famfs0')");
    }
}
