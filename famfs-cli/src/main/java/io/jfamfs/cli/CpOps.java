package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.api.Interleave;
import io.jfamfs.cli.term.Progress;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * {@code famfs cp}: plans the copy (destination rules of the reference), creates directories and
 * files in one log session, then copies the bytes straight into the mapped device memory on
 * {@code -t} threads. Per-file failures are reported and counted; a missing top-level source stops
 * the run; a source that is neither a file nor a directory aborts with EINVAL.
 */
final class CpOps {
    private final CommandLine cmd;
    private final CpCommand.Options o;
    private final List<Step> plan = new ArrayList<>();
    private int failures;

    /** One thing to do: make directory {@code rel}, or copy file {@code src} to {@code rel}. */
    private record Step(Path src, String rel, Path shown, boolean dir, int mode) {
    }

    private CpOps(CommandLine cmd, CpCommand.Options o) {
        this.cmd = cmd;
        this.o = o;
    }

    static int cp(CommandLine cmd, List<Path> sources, Path dest, CpCommand.Options o) throws Exception {
        return new CpOps(cmd, o).run(sources, dest);
    }

    private int run(List<Path> sources, Path dest) throws Exception {
        Mounted.Location at = Mounted.require(dest, 1);
        try (Famfs fs = Mounted.open(at.mount(), !o.compare())) {
            Optional<Node> d = at.isMountPoint() ? Optional.of(fs.namespace().root()) : fs.namespace().find(at.relpath());
            boolean destIsDir = d.isPresent() && d.get() instanceof DirNode;
            boolean single = sources.size() == 1;
            for (Path src : sources) {
                if (!Files.exists(src)) {
                    throw new CliException(1, "cannot stat source: " + src + ": No such file or directory");
                }
                requireFileOrDir(src);
            }
            if (single && (Files.isRegularFile(sources.getFirst()) || !o.recursive())) {
                Path src = sources.getFirst();
                String rel = destIsDir ? child(at.relpath(), src.getFileName().toString()) : at.relpath();
                requireParent(fs, rel, dest);
                walk(src, rel, dest);
            } else {
                if (d.isPresent() && !destIsDir) {
                    throw new CliException(1, "destination is not a directory: " + dest);
                }
                if (d.isEmpty()) {
                    if (!o.recursive()) {
                        throw new CliException(1, "destination directory does not exist: " + dest);
                    }
                    requireParent(fs, at.relpath(), dest);
                    plan.add(new Step(null, at.relpath(), dest, true, dirMode(sources.getFirst())));
                }
                boolean copyAs = d.isEmpty() && single;   // cp -r A B (B new): B becomes the copy of A
                for (Path src : sources) {
                    if (copyAs) {
                        walkChildren(src, at.relpath(), dest);
                    } else {
                        walk(src, child(at.relpath(), src.getFileName().toString()),
                                dest.resolve(src.getFileName()));
                    }
                }
            }
            List<Copy> copies = o.compare() ? resolveExisting(fs) : execute(fs);
            copyAll(copies);
        }
        return failures > 0 ? 1 : 0;
    }

    private static void requireFileOrDir(Path src) throws ErrnoException {
        if (!Files.isRegularFile(src) && !Files.isDirectory(src)) {
            throw new ErrnoException(Errno.EINVAL, "not a regular file or directory: " + src);
        }
    }

    private static void requireParent(Famfs fs, String rel, Path shown) throws CliException {
        int slash = rel.lastIndexOf('/');
        String parent = slash < 0 ? "" : rel.substring(0, slash);
        Optional<Node> p = fs.namespace().find(parent);
        if (p.isEmpty() || !(p.get() instanceof DirNode)) {
            throw new CliException(1, "parent directory does not exist in famfs: " + shown);
        }
    }

    private void walk(Path src, String rel, Path shown) throws IOException {
        if (Mounted.isMeta(rel)) {
            failure("cannot copy to " + shown + ": .meta is reserved for the meta files");
            return;
        }
        if (Files.isDirectory(src)) {
            if (!o.recursive()) {
                failure("omitting directory (use -r): " + src);
                return;
            }
            plan.add(new Step(src, rel, shown, true, dirMode(src)));
            walkChildren(src, rel, shown);
        } else if (Files.isRegularFile(src)) {
            plan.add(new Step(src, rel, shown, false, fileMode(src)));
        } else {
            requireFileOrDir(src);
        }
    }

    private void walkChildren(Path dir, String rel, Path shown) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path c : children) {
            String name = c.getFileName().toString();
            walk(c, child(rel, name), shown.resolve(name));
        }
    }

    private static String child(String rel, String name) {
        return rel.isEmpty() ? name : rel + "/" + name;
    }

    private int fileMode(Path src) throws IOException {
        return o.mode() != null ? o.mode() : unixMode(src) & 0777 & ~ProcessIds.current().umask();
    }

    private int dirMode(Path src) throws IOException {
        return o.mode() != null ? o.mode() | 0700 : unixMode(src) & 0777;
    }

    private static int unixMode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode");
    }

    /** A file to copy into (or compare with) {@code dest}. */
    private record Copy(Path src, FamfsFile dest, Path shown) {
    }

    /** Creates the planned directories and files in one log session; returns the copies to make. */
    private List<Copy> execute(Famfs fs) throws IOException {
        List<Copy> copies = new ArrayList<>();
        fs.batch(ops -> {
            for (Step s : plan) {
                try {
                    Optional<Node> existing = fs.namespace().find(s.rel());
                    if (s.dir()) {
                        if (existing.isEmpty()) {
                            ops.mkdir(s.rel(), s.mode(), o.uid(), o.gid());
                        } else if (!(existing.get() instanceof DirNode)) {
                            failure("exists and is not a directory: " + s.shown());
                        }
                        continue;
                    }
                    long size = Files.size(s.src());
                    if (size == 0) {
                        failure("empty source file (famfs files cannot be empty): " + s.src());
                    } else if (existing.isPresent()) {
                        if (existing.get() instanceof FileNode f && f.size() == size) {
                            copies.add(new Copy(s.src(), fs.file(f), s.shown()));    // restartable re-copy
                        } else {
                            failure("destination exists and is not a file of size %d: %s".formatted(size, s.shown()));
                        }
                    } else {
                        copies.add(new Copy(s.src(), create(ops, s, size), s.shown()));
                    }
                } catch (ErrnoException e) {
                    if (e.is(Errno.ENOSPC) || e.is(Errno.ENOMEM)) {
                        throw e;                               // out of space or log full: abort
                    }
                    failure(s.shown() + ": " + e.getMessage());
                } catch (IOException e) {
                    failure(Failures.message(e));
                }
            }
            return null;
        });
        return copies;
    }

    private FamfsFile create(io.jfamfs.api.BatchOps ops, Step s, long size) throws ErrnoException {
        var i = o.interleave();
        return i == null ? ops.create(s.rel(), size, s.mode(), o.uid(), o.gid())
                : ops.create(s.rel(), size, s.mode(), o.uid(), o.gid(), new Interleave(i.nbuckets(), i.nstrips(),
                        i.chunkSize()));
    }

    /** For {@code -c}: pairs each planned file with the existing famfs file it is compared with. */
    private List<Copy> resolveExisting(Famfs fs) {
        List<Copy> copies = new ArrayList<>();
        for (Step s : plan) {
            if (s.dir()) {
                continue;
            }
            Optional<FamfsFile> f = fs.file(s.rel());
            if (f.isEmpty()) {
                failure("no such famfs file to compare: " + s.shown());
            } else {
                copies.add(new Copy(s.src(), f.get(), s.shown()));
            }
        }
        return copies;
    }

    private void copyAll(List<Copy> copies) throws InterruptedException {
        long total = copies.stream().mapToLong(c -> c.dest().size()).sum();
        try (Parallel par = new Parallel(o.threads());
                Progress progress = Progress.start(cmd.getErr(), o.compare() ? "comparing" : "copying", total)) {
            List<Parallel.Job> jobs = new ArrayList<>();
            for (Copy c : copies) {
                jobs.add(() -> copyOne(c, progress));
            }
            int failed = par.forEach(jobs);
            synchronized (this) {
                failures += failed;
            }
        }
    }

    private boolean copyOne(Copy c, Progress progress) {
        try {
            long bad = FileCopy.copy(c.src(), c.dest().map(), o.compare(), progress);
            if (bad >= 0) {
                report("files differ: %s %s at offset %d".formatted(c.src(), c.shown(), bad));
                return false;
            }
            if (o.verbose()) {
                synchronized (cmd) {
                    cmd.getOut().println((o.compare() ? "compared " : "copied ") + c.src() + " -> " + c.shown());
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            report(c.src() + ": " + Failures.message(e));
            return false;
        }
    }

    private synchronized void failure(String message) {
        failures++;
        report(message);
    }

    private void report(String message) {
        synchronized (cmd) {
            cmd.getErr().println("famfs cp: " + message);
            cmd.getErr().flush();
        }
    }
}
