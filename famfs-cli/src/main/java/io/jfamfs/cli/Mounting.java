package io.jfamfs.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** Adapters over the fuse module's mount launcher and unmount logic. */
final class Mounting {
    /** Mount options as values. */
    record Options(double timeoutSeconds, boolean debug, int verbose, boolean allowOther,
            boolean defaultPermissions, boolean readOnly, Path systemUuidFile, Path log) {
    }

    private Mounting() {
    }

    static void mount(CommandLine cmd, Path device, Path mountpoint, Options o) throws Exception {
        throw Pending.notYet("mount");
    }

    static void umount(CommandLine cmd, Path mountpoint, boolean lazy, boolean verbose) throws Exception {
        throw Pending.notYet("umount");
    }
}
