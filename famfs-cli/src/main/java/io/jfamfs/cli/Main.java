package io.jfamfs.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Entry point of {@code bin/famfs} and {@code bin/mkfs.famfs}: the program name (system property
 * {@code jfamfs.prog}) picks the command tree; {@link Failures} owns errors and exit codes.
 */
public final class Main {
    private static final Set<String> HELP_FLAGS = Set.of("-h", "-?", "--help");
    /** The hidden argument of bin/famfs's CDS training run (see {@link Training}). */
    static final String TRAIN = "--jfamfs-cds-training";

    private Main() {
    }

    public static void main(String[] args) {
        String prog = System.getProperty("jfamfs.prog", "famfs");
        if (args.length == 1 && args[0].equals(TRAIN)) {
            System.exit(Training.run());
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(prog, args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit status (used by tests in-process). */
    public static int run(String prog, String[] args, PrintWriter out, PrintWriter err) {
        String[] rewritten = rewriteHelp(args);
        CommandLine cmd = commandLine(prog, rewritten);
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(rewritten);
    }

    /**
     * Builds the command tree for {@code prog} ({@code famfs} or {@code mkfs.famfs}) with shared handlers.
     * When {@code args} name a subcommand, only that one is built (picocli introspects every annotated
     * class it is given, which costs start-up time); otherwise all are, for usage and errors.
     */
    static CommandLine commandLine(String prog, String[] args) {
        if (prog.startsWith("mkfs")) {
            return configured(new CommandLine(new MkfsCommand()));
        }
        CommandLine cmd = new CommandLine(new FamfsCommand());
        String invoked = firstPositional(args);
        if (invoked != null && FamfsCommand.COMMANDS.containsKey(invoked)) {
            cmd.addSubcommand(invoked, FamfsCommand.COMMANDS.get(invoked).get());
        } else {
            FamfsCommand.COMMANDS.forEach((name, make) -> cmd.addSubcommand(name, make.get()));
        }
        return configured(cmd);
    }

    /** Returns the first argument that is not an option of the root command (its subcommand). */
    private static String firstPositional(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static CommandLine configured(CommandLine cmd) {
        Failures failures = new Failures();
        cmd.setExitCodeExceptionMapper(failures);
        cmd.setExecutionExceptionHandler(failures);
        cmd.setParameterExceptionHandler(failures);
        cmd.setPosixClusteredShortOptionsAllowed(true);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpWidth(110);
        configure(cmd, true);
        return cmd;
    }

    /** Applies man-page headings and the usage exit codes to the whole tree. */
    private static void configure(CommandLine cmd, boolean top) {
        CommandSpec spec = cmd.getCommandSpec();
        UsageMessageSpec u = spec.usageMessage();
        u.headerHeading("NAME%n  " + spec.qualifiedName() + " - ").synopsisHeading("%nSYNOPSIS%n  ").descriptionHeading("%nDESCRIPTION%n")
                .parameterListHeading("%nARGUMENTS%n").optionListHeading("%nOPTIONS%n")
                .commandListHeading("%nCOMMANDS%n").footerHeading("%n");
        int usageExit = spec.userObject() instanceof Usage.ExitCode e ? e.usageExitCode()
                : top && !spec.subcommands().isEmpty() ? 3 : 1;
        spec.exitCodeOnInvalidInput(usageExit);
        spec.exitCodeOnExecutionException(1);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            configure(sub, false);
        }
    }

    /**
     * Turns {@code famfs -h CMD} (and {@code -?}) into {@code famfs CMD --help}, as the reference shows
     * that command's help; {@code --help} works inside every command, including {@code fsck}, where
     * {@code -h} means {@code --human}.
     */
    static String[] rewriteHelp(String[] args) {
        if (args.length >= 2 && HELP_FLAGS.contains(args[0]) && FamfsCommand.COMMANDS.containsKey(args[1])) {
            String[] rewritten = new String[args.length];
            rewritten[0] = args[1];
            rewritten[1] = "--help";
            System.arraycopy(args, 2, rewritten, 2, args.length - 2);
            return rewritten;
        }
        return Arrays.copyOf(args, args.length);
    }

    /** Returns the help text of a command, as {@code --help} prints it (used by tests). */
    static String help(CommandLine cmd) {
        return cmd.getUsageMessage(Help.Ansi.OFF);
    }
}
