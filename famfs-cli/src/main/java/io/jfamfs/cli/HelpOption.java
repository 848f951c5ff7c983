package io.jfamfs.cli;

import picocli.CommandLine.Option;

/** {@code -h}, {@code -?} and {@code --help}: print the command's help and exit 0, as in the reference. */
final class HelpOption {
    @Option(names = {"-h", "-?", "--help"}, usageHelp = true, description = "Show this help and exit 0.")
    boolean help;
}
