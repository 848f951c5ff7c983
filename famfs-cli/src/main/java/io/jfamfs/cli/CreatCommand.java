package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs creat}: creates (pre-allocates) files, optionally filled with a seeded pattern. */
@Command(name = "creat", header = "Create (pre-allocate) files, optionally filled with a seeded pattern.",
        description = {
            "Create FILE in a jfamfs mount with SIZE bytes of device memory (allocated in 2 MiB units and",
            "logged; master only). If FILE exists with the same size (or no -s is given) nothing is",
            "allocated and the command succeeds: with -r it is re-filled. A different size is an error.",
            "",
            "-r fills the file with the pattern of seed -S (a random seed when -S is not given, printed",
            "with -v); 'famfs verify -S SEED -f FILE' checks it. The pattern is SplitMix64 over 8-byte",
            "words (see 'famfs verify --help'); it differs from the reference's pattern.",
            "",
            "-M NAME,SIZE[,SEED] (repeatable) creates several files, filling those with a SEED on THREADS",
            "threads; SIZE 0 means 'the existing file, whatever its size'. Files that can be created are",
            "created even when others fail.",
            "",
            "-N/-B/-C make an interleaved file: NSTRIPS strips from distinct buckets of the device",
            "(NBUCKETS equal buckets, each at least 1 GiB) in CHUNKSIZE chunks. Files smaller than a",
            "chunk get one contiguous extent."},
        footer = {"EXIT STATUS",
            "  single file: 0 success, 1 failure (usage errors included); -M: the number of files that",
            "  failed (capped at 127), or 1 for a usage error."})
public final class CreatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-s", "--size"}, converter = Converters.Size.class, paramLabel = "SIZE",
            description = "File size; k/m/g suffixes, 0x hex; required for a new file; 0 is not allowed.")
    Long size;

    @Option(names = {"-r", "--randomize"}, description = "Fill the file with the pattern of the seed.")
    boolean randomize;

    @Option(names = {"-S", "--seed"}, converter = Converters.Base0.class, paramLabel = "SEED",
            description = "Seed of the pattern (requires -r).")
    Long seed;

    @Mixin
    OwnerOptions owner;

    @Option(names = {"-M", "--multi"}, paramLabel = "NAME,SIZE[,SEED]",
            description = "Create NAME of SIZE (and fill it with SEED); repeatable; not with FILE, -s, -r or -S.")
    List<String> multi = new ArrayList<>();

    @Option(names = {"-t", "--threadct"}, converter = Converters.Base0Int.class, paramLabel = "THREADS",
            description = "Threads filling files with -M (0..256; default: the number of CPUs).")
    Integer threads;

    @Mixin
    InterleaveOptions interleave;

    @Option(names = {"-v", "--verbose"}, description = "Verbose.")
    boolean verbose;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to create, in a jfamfs mount.")
    Path file;

    /** The reference's default file mode, masked by the umask. */
    static final int DEFAULT_MODE = 0644;
    static final int MAX_THREADS = 256;

    /** One file to create: {@code size} 0 = keep the existing size; {@code seed} null = do not fill. */
    record Spec1(Path path, long size, Long seed) {
    }

    @Override
    public Integer call() throws Exception {
        List<Spec1> files = validate();
        boolean single = multi.isEmpty();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        int failures;
        try {
            failures = CreatOps.creat(spec.commandLine(), files, new CreatOps.Attrs(owner.modeOr(DEFAULT_MODE),
                    owner.uidOr(ProcessIds.current().effectiveUid()), owner.gidOr(ProcessIds.current().effectiveGid()),
                    interleave.requested() ? interleave.resolve() : null), Math.max(1, threadCount), verbose);
        } catch (CliException e) {
            throw single ? new CliException(1, e.getMessage(), e) : e;
        } catch (Exception e) {
            throw new CliException(1, Failures.message(e), e);
        }
        return single ? (failures == 0 ? 0 : 1) : Math.min(failures, Failures.MAX_EXIT);
    }

    /** Checks the argument rules of the reference and returns the files to create. */
    List<Spec1> validate() {
        owner.validate(spec);
        if (threads != null && (threads < 0 || threads > MAX_THREADS)) {
            throw Usage.error(spec, "--threadct must be between 0 and " + MAX_THREADS + ": " + threads);
        }
        if (!multi.isEmpty()) {
            if (file != null || seed != null || randomize || size != null) {
                throw Usage.error(spec, "-M/--multi cannot be combined with FILE, -s, -r or -S");
            }
            List<Spec1> out = new ArrayList<>();
            for (String m : multi) {
                out.add(parseMulti(m));
            }
            return out;
        }
        if (file == null) {
            throw Usage.error(spec, "missing FILE (or -M NAME,SIZE[,SEED])");
        }
        if (seed != null && !randomize) {
            throw Usage.error(spec, "-S/--seed requires -r/--randomize");
        }
        if (size != null && size == 0) {
            throw Usage.error(spec, "creating an empty file is not allowed: " + file);
        }
        Long s = randomize ? (seed != null ? seed : CreatOps.randomSeed()) : null;
        return List.of(new Spec1(file, size != null ? size : 0, s));
    }

    private Spec1 parseMulti(String m) {
        String[] f = m.split(",", -1);
        if (f.length < 2 || f.length > 3 || f[0].isEmpty()) {
            throw Usage.error(spec, "-M takes NAME,SIZE[,SEED]: '" + m + "'");
        }
        try {
            long sz = Numbers.parseSize(f[1]);
            Long sd = f.length == 3 ? Numbers.parseLong(f[2]) : null;
            return new Spec1(Path.of(f[0]), sz, sd);
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, "-M " + m + ": " + e.getMessage());
        }
    }
}
