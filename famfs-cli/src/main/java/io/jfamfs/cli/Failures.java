package io.jfamfs.cli;

import io.jfamfs.sys.ErrnoException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where exceptions become an exit status and one line on stderr. Exit codes follow the
 * reference's {@code exit_val()}: an errno becomes its number, capped at 127; a {@link CliException}
 * carries its own; a usage error is the command's {@code exitCodeOnInvalidInput} (1 unless a command
 * says otherwise; 3 for an unknown {@code famfs} subcommand). Stack traces only with
 * {@code JFAMFS_DEBUG=1} (or {@code famfs --debug}): bad input never shows one.
 */
final class Failures implements IExitCodeExceptionMapper, IExecutionExceptionHandler, IParameterExceptionHandler {
    /** The highest exit status the reference produces; larger errnos are capped here. */
    static final int MAX_EXIT = 127;

    private static volatile boolean debug = "1".equals(System.getenv("JFAMFS_DEBUG"));

    static void enableDebug() {
        debug = true;
    }

    static boolean debug() {
        return debug;
    }

    /** Maps any throwable to an exit status in 1..127. */
    @Override
    public int getExitCode(Throwable t) {
        return switch (t) {
            case CliException c -> cap(c.exitCode());
            case ErrnoException e -> cap(e.errno());
            case NoSuchFileException _ -> 2;                       // ENOENT
            case AccessDeniedException _ -> 13;                    // EACCES
            case IllegalArgumentException _ -> 22;                 // EINVAL
            case OutOfMemoryError _ -> 12;                         // ENOMEM
            default -> 1;
        };
    }

    static int cap(int code) {
        int abs = Math.abs(code);
        return abs == 0 ? 1 : Math.min(abs, MAX_EXIT);
    }

    /** Returns the one-line text for a failure, without the program prefix. */
    static String message(Throwable t) {
        return DaxModeHint.augment(plainMessage(t));
    }

    private static String plainMessage(Throwable t) {
        if (t instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : switch (f) {
                        case NoSuchFileException _ -> "No such file or directory";
                        case AccessDeniedException _ -> "Permission denied";
                        default -> f.getClass().getSimpleName();
                    };
            return (f.getFile() != null ? f.getFile() + ": " : "") + reason;
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName() + (debug ? "" : " (run with JFAMFS_DEBUG=1 for details)");
        }
        return t instanceof CliException || t instanceof ErrnoException || t instanceof java.io.IOException
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                ? m : t.getClass().getSimpleName() + ": " + m;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        report(cmd, ex);
        return getExitCode(ex);
    }

    /** Prints {@code "famfs creat: message"} (and the trace when debugging) on the command's stderr. */
    static void report(CommandLine cmd, Throwable t) {
        PrintWriter err = cmd.getErr();
        err.println(qualifiedName(cmd) + ": " + message(t));
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        CommandSpec spec = cmd.getCommandSpec();
        boolean unknownCommand = ex instanceof UnmatchedArgumentException && spec.parent() == null
                && !spec.subcommands().isEmpty();
        if (unknownCommand) {
            // picocli's "Unmatched argument at index 0" says nothing to someone who mistyped a command.
            String word = ((UnmatchedArgumentException) ex).getUnmatched().getFirst();
            err.println(qualifiedName(cmd) + ": unknown " + (word.startsWith("-") ? "option" : "command")
                    + " '" + word + "'");
        } else {
            err.println(qualifiedName(cmd) + ": " + ex.getMessage());
        }
        if (unknownCommand) {
            cmd.usage(err);
        } else {
            err.println("Try '" + qualifiedName(cmd) + " --help' for more information.");
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return spec.exitCodeOnInvalidInput();       // set for every command by Main.configure
    }

    static String qualifiedName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName();
    }
}
