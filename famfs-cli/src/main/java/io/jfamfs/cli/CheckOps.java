package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;

/** {@code famfs check}: what the mount shows against what the log says; returns the number of problems. */
final class CheckOps {
    private CheckOps() {
    }

    static int check(CommandLine cmd, Path mountpoint, int verbose) throws IOException, CliException {
        Mounted.Location at = Mounted.require(mountpoint, 1);
        if (!at.isMountPoint()) {
            throw new CliException(1, "not a jfamfs mount point: " + mountpoint + " (it is inside "
                    + at.mount().mountpoint() + ")");
        }
        Path mpt = at.mount().mountpoint();
        if (!Files.isDirectory(mpt.resolve(".meta"))) {
            throw new CliException(1, "no .meta directory in " + mpt);
        }
        int problems = 0;
        Set<String> seen = new HashSet<>();
        try (Famfs fs = Mounted.open(at.mount(), false); Stream<Path> walk = Files.walk(mpt)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = mpt.relativize(p).toString();
                if (rel.isEmpty() || rel.equals(".meta") || rel.startsWith(".meta/")) {
                    continue;
                }
                seen.add(rel);
                Optional<Node> n = fs.namespace().find(rel);
                String problem = problem(p, n);
                if (problem != null) {
                    cmd.getErr().println("famfs check: " + problem + ": " + p);
                    problems++;
                } else if (verbose > 0) {
                    cmd.getOut().println("ok " + rel);
                }
            }
            problems += missing(cmd, fs.namespace().root(), seen, mpt);
        }
        cmd.getOut().printf("famfs check: %d files, %d directories, %d problems%n",
                fs(mpt, true), fs(mpt, false), problems);
        return problems;
    }

    private static String problem(Path p, Optional<Node> n) throws IOException {
        if (n.isEmpty()) {
            return "not in the log";
        }
        boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        if (n.get() instanceof DirNode) {
            return dir ? null : "logged as a directory but is not one";
        }
        FileNode f = (FileNode) n.get();
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return "logged as a file but is not one";
        }
        long size = Files.size(p);
        return size == f.size() ? null : "size %d differs from the logged %d".formatted(size, f.size());
    }

    private static int missing(CommandLine cmd, DirNode dir, Set<String> seen, Path mpt) {
        int problems = 0;
        for (Node n : dir.children()) {
            if (!seen.contains(n.relpath())) {
                cmd.getErr().println("famfs check: logged but not visible: " + mpt.resolve(n.relpath()));
                problems++;
            }
            if (n instanceof DirNode d) {
                problems += missing(cmd, d, seen, mpt);
            }
        }
        return problems;
    }

    private static long fs(Path mpt, boolean files) throws IOException {
        try (Stream<Path> s = Files.walk(mpt)) {
            return s.filter(p -> !mpt.relativize(p).toString().startsWith(".meta") && !p.equals(mpt))
                    .filter(p -> files == Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).count();
        }
    }
}
