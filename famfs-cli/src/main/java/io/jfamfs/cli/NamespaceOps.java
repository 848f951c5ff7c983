package io.jfamfs.cli;

import io.jfamfs.api.Famfs;

import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** {@code famfs mkdir}, {@code getmap} and {@code flush}: small namespace operations through the device. */
final class NamespaceOps {
    /** The reference's getmap exit codes. */
    static final int NOT_FAMFS = 1, EBADF = 9, EISDIR = 21;

    private NamespaceOps() {
    }

    static void mkdir(CommandLine cmd, Path dir, boolean parents, int mode, int uid, int gid, boolean verbose)
            throws IOException, CliException {
        Mounted.Location at = Mounted.require(dir, 1);
        if (at.isMountPoint()) {
            if (parents) {
                return;
            }
            throw new CliException(1, "cannot create the mount point itself: " + dir + " (use -p)");
        }
        if (Mounted.isMeta(at.relpath())) {
            throw new CliException(1, "cannot create " + dir + ": .meta is reserved for the meta files");
        }
        try (Famfs fs = Mounted.open(at.mount(), true)) {
            Optional<Node> existing = fs.namespace().find(at.relpath());
            if (existing.isPresent()) {
                if (parents && existing.get() instanceof DirNode) {
                    return;
                }
                throw new CliException(1, (existing.get() instanceof DirNode ? "directory exists: "
                        : "exists and is not a directory: ") + dir);
            }
            DirNode made = parents ? fs.mkdirs(at.relpath(), mode, uid, gid) : fs.mkdir(at.relpath(), mode, uid, gid);
            if (verbose) {
                cmd.getOut().println("created directory " + at.mount().mountpoint().resolve(made.relpath()));
            }
        }
    }

    /** Prints each file's map; returns 0 or the code of the (last, with -c) failure. */
    static int getmap(CommandLine cmd, List<Path> files, boolean quiet, boolean keepGoing) throws IOException {
        int rc = 0;
        for (Path p : files) {
            int r = getmapOne(cmd, p, quiet);
            if (r != 0) {
                rc = r;
                if (!keepGoing) {
                    break;
                }
            }
        }
        return rc;
    }

    private static int getmapOne(CommandLine cmd, Path p, boolean quiet) throws IOException {
        PrintWriter out = cmd.getOut();
        Optional<Mounted.Location> at = Mounted.find(p);
        if (at.isEmpty()) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return fail(cmd, quiet, EBADF, "file not found: " + p);
            }
            return fail(cmd, quiet, NOT_FAMFS, "not in a jfamfs file system: " + p);
        }
        try (Famfs fs = Mounted.open(at.get().mount(), false)) {
            Optional<Node> n = fs.namespace().find(at.get().relpath());
            if (n.isEmpty()) {
                return fail(cmd, quiet, EBADF, "file not found: " + p);
            }
            if (!(n.get() instanceof FileNode f)) {
                return fail(cmd, quiet, EISDIR, "not a regular file: " + p);
            }
            if (!quiet) {
                printMap(out, p, f);
            }
            return 0;
        } catch (CliException e) {
            return fail(cmd, quiet, e.exitCode(), e.getMessage());
        }
    }

    private static void printMap(PrintWriter out, Path p, FileNode f) {
        out.println("File:     " + p);
        out.println("    size:   " + f.size());
        switch (f.fmap()) {
            case Fmap.Simple s -> {
                out.println("    extents: " + s.extents().size());
                for (SimpleExtent e : s.extents()) {
                    out.printf("        devindex %d offset 0x%x len 0x%x%n", e.devIndex(), e.offset(), e.length());
                }
            }
            case Fmap.Interleaved i -> {
                out.printf("    interleaved: nstrips %d chunk_size 0x%x%n", i.nstrips(), i.chunkSize());
                for (SimpleExtent e : i.strips()) {
                    out.printf("        strip devindex %d offset 0x%x len 0x%x%n", e.devIndex(), e.offset(),
                            e.length());
                }
            }
        }
        out.println("    mode: 0" + Integer.toOctalString(f.mode()) + " uid: " + f.uid() + " gid: " + f.gid());
        out.flush();
    }

    private static int fail(CommandLine cmd, boolean quiet, int code, String message) {
        if (!quiet) {
            cmd.getErr().println("famfs getmap: " + message);
        }
        return code;
    }

    /** Flushes and invalidates each file's device memory; returns the number of errors. */
    static int flush(CommandLine cmd, List<Path> files, boolean verbose) {
        int errors = 0;
        for (Path p : files) {
            try {
                Mounted.Location at = Mounted.require(p, 1);
                try (Famfs fs = Mounted.open(at.mount(), false)) {
                    Optional<Node> n = fs.namespace().find(at.relpath());
                    if (n.isEmpty() || !(n.get() instanceof FileNode f)) {
                        throw new CliException(1, (n.isEmpty() ? "no such famfs file: " : "not a regular file: ") + p);
                    }
                    fs.file(f).flush();
                    if (verbose) {
                        cmd.getOut().println("flushed " + p + " (" + f.size() + " bytes)");
                    }
                }
            } catch (IOException | CliException e) {
                cmd.getErr().println("famfs flush: " + Failures.message(e));
                errors++;
            }
        }
        return errors;
    }
}
