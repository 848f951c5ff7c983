package io.jfamfs.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** {@code chkread}: read() versus mmap() of one file. */
final class Chkread {
    private Chkread() {
    }

    static int run(CommandLine cmd, Path file, boolean superblock, boolean log) throws Exception {
        throw Pending.notYet("chkread");
    }
}
