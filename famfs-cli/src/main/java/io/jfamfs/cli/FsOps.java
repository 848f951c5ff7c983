package io.jfamfs.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import picocli.CommandLine;

/** Adapters from the file commands to famfs-core, through the mount a path lives in. */
final class FsOps {
    private FsOps() {
    }

    /** Returns a random non-zero seed (for {@code creat -r} without {@code -S}). */
    static long randomSeed() {
        long s;
        do {
            s = new SecureRandom().nextLong() & Long.MAX_VALUE;
        } while (s == 0);
        return s;
    }

    static void mkdir(CommandLine cmd, Path dir, boolean parents, int mode, int uid, int gid, boolean verbose)
            throws Exception {
        NamespaceOps.mkdir(cmd, dir, parents, mode, uid, gid, verbose);
    }

    static int creat(CommandLine cmd, List<CreatCommand.Spec1> files, int mode, int uid, int gid,
            InterleaveOptions.Interleave interleave, int threads, boolean verbose) throws Exception {
        return CreatOps.creat(cmd, files, new CreatOps.Attrs(mode, uid, gid, interleave), threads, verbose);
    }

    static int cp(CommandLine cmd, List<Path> sources, Path dest, CpCommand.Options o) throws Exception {
        return CpOps.cp(cmd, sources, dest, o);
    }

    static int verify(CommandLine cmd, List<VerifyCommand.Target> targets, int threads, boolean quiet)
            throws Exception {
        return VerifyOps.verify(cmd, targets, threads, quiet);
    }

    static int flush(CommandLine cmd, List<Path> files, boolean verbose) throws Exception {
        return NamespaceOps.flush(cmd, files, verbose);
    }

    static int getmap(CommandLine cmd, List<Path> files, boolean quiet, boolean keepGoing) throws Exception {
        return NamespaceOps.getmap(cmd, files, quiet, keepGoing);
    }

    static void clone(CommandLine cmd, Path src, Path dest) throws Exception {
        CloneOps.clone(src, dest);
    }

    static int check(CommandLine cmd, Path mountpoint, int verbose) throws Exception {
        return CheckOps.check(cmd, mountpoint, verbose);
    }

    static int logplay(CommandLine cmd, Path target, Path daxdev, Path systemUuidFile, LogplayCommand.Options o)
            throws Exception {
        return LogplayOps.logplay(cmd, target, daxdev, systemUuidFile, o);
    }
}
