package io.jfamfs.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code famfs completion}: prints a bash completion script. */
@Command(name = "completion", header = "Print a bash completion script.",
        description = {"Print a bash (and zsh) completion script for famfs.",
            "Use: source <(famfs completion)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("famfs", Main.commandLine("famfs", new String[0])));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
