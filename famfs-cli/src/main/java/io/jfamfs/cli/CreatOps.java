package io.jfamfs.cli;

import io.jfamfs.api.BatchOps;
import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.api.Interleave;
import io.jfamfs.cli.pattern.Pattern;
import io.jfamfs.cli.term.Progress;
import io.jfamfs.ns.Node;
import io.jfamfs.ns.FileNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code famfs creat}: creates the files of each mount in one log session (one lock, one replay), then
 * fills those with a seed, in parallel. Returns the number of files that failed.
 */
final class CreatOps {
    private CreatOps() {
    }

    /** Attributes and placement of new files. */
    record Attrs(int mode, int uid, int gid, InterleaveOptions.Interleave interleave) {
    }

    /** A file resolved to its mount. */
    private record Item(CreatCommand.Spec1 spec, Mounted.Location at) {
    }

    static int creat(CommandLine cmd, List<CreatCommand.Spec1> specs, Attrs attrs, int threads, boolean verbose)
            throws IOException, CliException, InterruptedException {
        PrintWriter err = cmd.getErr();
        int failed = 0;
        Map<Mounted.Mount, List<Item>> byMount = new LinkedHashMap<>();
        for (CreatCommand.Spec1 s : specs) {
            var at = Mounted.find(s.path());
            if (at.isEmpty()) {
                report(cmd, "not in a jfamfs file system: " + s.path());
                failed++;
            } else {
                byMount.computeIfAbsent(at.get().mount(), m -> new ArrayList<>()).add(new Item(s, at.get()));
            }
        }
        for (var e : byMount.entrySet()) {
            try (Famfs fs = Mounted.open(e.getKey(), true)) {
                List<FamfsFile> toFill = new ArrayList<>();
                List<Long> seeds = new ArrayList<>();
                failed += createAll(cmd, fs, e.getValue(), attrs, toFill, seeds, verbose);
                failed += fillAll(cmd, toFill, seeds, threads);
            } catch (CliException x) {
                if (specs.size() == 1) {
                    throw x;
                }
                report(cmd, x.getMessage());
                failed += e.getValue().size();
            }
        }
        err.flush();
        return failed;
    }

    private static int createAll(CommandLine cmd, Famfs fs, List<Item> items, Attrs attrs, List<FamfsFile> toFill,
            List<Long> seeds, boolean verbose) throws IOException {
        int[] failed = {0};
        fs.batch(ops -> {
            for (Item it : items) {
                try {
                    FamfsFile f = createOne(fs, ops, it, attrs);
                    if (verbose) {
                        cmd.getOut().println(it.spec().path() + ": size=" + f.size()
                                + (it.spec().seed() != null ? " seed=" + it.spec().seed() : ""));
                    }
                    if (it.spec().seed() != null) {
                        toFill.add(f);
                        seeds.add(it.spec().seed());
                    }
                } catch (CliException x) {
                    report(cmd, x.getMessage());
                    failed[0]++;
                } catch (IOException x) {
                    report(cmd, it.spec().path() + ": " + Failures.message(x));
                    failed[0]++;
                }
            }
            return null;
        });
        return failed[0];
    }

    private static FamfsFile createOne(Famfs fs, BatchOps ops, Item it, Attrs a) throws IOException, CliException {
        String rel = it.at().relpath();
        long size = it.spec().size();
        if (it.at().isMountPoint() || Mounted.isMeta(rel)) {
            throw new CliException(1, "cannot create " + it.spec().path() + ": "
                    + (it.at().isMountPoint() ? "it is the mount point" : ".meta is reserved for the meta files"));
        }
        var existing = fs.namespace().find(rel);
        if (existing.isPresent()) {
            Node n = existing.get();
            if (!(n instanceof FileNode fn)) {
                throw new CliException(1, "exists and is not a regular famfs file: " + it.spec().path());
            }
            if (size != 0 && size != fn.size()) {
                throw new CliException(1, "file exists with a different size: %s size=%d requested=%d"
                        .formatted(it.spec().path(), fn.size(), size));
            }
            return fs.file(fn);
        }
        if (size == 0) {
            throw new CliException(1, "no size given for new file " + it.spec().path() + " (use -s SIZE)");
        }
        if (a.interleave() != null) {
            var i = a.interleave();
            return ops.create(rel, size, a.mode(), a.uid(), a.gid(), new Interleave(i.nbuckets(), i.nstrips(),
                    i.chunkSize()));
        }
        return ops.create(rel, size, a.mode(), a.uid(), a.gid());
    }

    private static int fillAll(CommandLine cmd, List<FamfsFile> files, List<Long> seeds, int threads)
            throws InterruptedException {
        long total = files.stream().mapToLong(FamfsFile::size).sum();
        try (Parallel par = new Parallel(threads);
                Progress progress = Progress.start(cmd.getErr(), "randomizing", total)) {
            List<Parallel.Job> jobs = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                FamfsFile f = files.get(i);
                long seed = seeds.get(i);
                // One big file is split over the threads; several files go one per thread.
                jobs.add(() -> fill(cmd, f, seed, files.size() == 1 ? par : null, progress));
            }
            return files.size() == 1 ? (jobs.getFirst().run() ? 0 : 1) : par.forEach(jobs);
        }
    }

    private static boolean fill(CommandLine cmd, FamfsFile f, long seed, Parallel par, Progress progress) {
        try {
            MemorySegment m = f.map();
            if (par != null) {
                par.forRanges(f.size(), progress, (off, len) -> {
                    Pattern.fill(m.asSlice(off, len), seed, off);
                    return -1;
                });
            } else {
                for (long off = 0; off < f.size(); off += Parallel.CHUNK) {
                    long len = Math.min(Parallel.CHUNK, f.size() - off);
                    Pattern.fill(m.asSlice(off, len), seed, off);
                    progress.advance(len);
                }
            }
            return true;
        } catch (Exception x) {
            report(cmd, "randomize " + f.relpath() + ": " + Failures.message(x));
            return false;
        }
    }

    /** Returns a random non-zero seed (for {@code creat -r} without {@code -S}). */
    static long randomSeed() {
        long s;
        do {
            s = new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        } while (s == 0);
        return s;
    }

    static void report(CommandLine cmd, String message) {
        synchronized (cmd) {
            cmd.getErr().println("famfs creat: " + message);
        }
    }
}
