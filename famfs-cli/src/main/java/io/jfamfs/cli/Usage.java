package io.jfamfs.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Usage errors: reported by {@link Failures} with the command's usage exit code. */
final class Usage {
    private Usage() {
    }

    /** Returns (for {@code throw}) a usage error of {@code spec}'s command. */
    static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Implemented by commands whose usage errors exit with something other than 1. */
    interface ExitCode {
        int usageExitCode();
    }
}
