package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code famfs verify}: checks files against the pattern {@code famfs creat -r} wrote. */
@Command(name = "verify", header = "Verify files against the pattern of a seed.",
        description = {
            "Verify that FILE holds the pattern 'famfs creat -r -S SEED' writes, reading it through a",
            "mapping of the device memory. The pattern: little-endian 64-bit words, word i (at byte 8*i)",
            "being the i-th output of SplitMix64 seeded with SEED (z = SEED + (i+1)*0x9E3779B97F4A7C15;",
            "z = (z^(z>>>30))*0xBF58476D1CE4E5B9; z = (z^(z>>>27))*0x94D049BB133111EB; z^(z>>>31)); a",
            "final partial word holds the low bytes. Big files are verified on several threads.",
            "",
            "--multi FILE,SEED (repeatable) verifies several files."},
        footer = {"EXIT STATUS",
            "  single file: 0 the pattern matches, 1 it does not (the first wrong offset is printed) or the",
            "  file cannot be read; --multi: the number of files that failed; 1 for usage errors."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE", description = "The file to verify.")
    Path file;

    @Option(names = {"-S", "--seed"}, converter = Converters.Base0.class, paramLabel = "SEED",
            description = "The seed it was filled with (0 is not a seed).")
    Long seed;

    @Option(names = {"-m", "--multi"}, paramLabel = "FILE,SEED", description = "Verify FILE with SEED; repeatable.")
    List<String> multi = new ArrayList<>();

    @Option(names = {"-t", "--threadct"}, converter = Converters.Base0Int.class, paramLabel = "THREADS",
            description = "Threads (0..256; default: the number of CPUs).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, hidden = true, description = "Print nothing on success.")
    boolean quiet;

    /** One file and its seed. */
    record Target(Path path, long seed) {
    }

    @Override
    public Integer call() throws Exception {
        List<Target> targets = validate();
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        int failures = VerifyOps.verify(spec.commandLine(), targets, Math.max(1, t), quiet);
        return multi.isEmpty() ? (failures == 0 ? 0 : 1) : Math.min(failures, Failures.MAX_EXIT);
    }

    List<Target> validate() {
        if (threads != null && (threads < 0 || threads > CreatCommand.MAX_THREADS)) {
            throw Usage.error(spec, "--threadct must be between 0 and 256: " + threads);
        }
        if (!multi.isEmpty()) {
            if (file != null || seed != null) {
                throw Usage.error(spec, "--multi cannot be combined with -f or -S");
            }
            List<Target> out = new ArrayList<>();
            for (String m : multi) {
                String[] f = m.split(",", -1);
                if (f.length != 2 || f[0].isEmpty()) {
                    throw Usage.error(spec, "--multi takes FILE,SEED: '" + m + "'");
                }
                out.add(new Target(Path.of(f[0]), parseSeed(f[1])));
            }
            return out;
        }
        if (file == null) {
            throw Usage.error(spec, "missing -f FILE");
        }
        if (seed == null || seed == 0) {
            throw Usage.error(spec, "missing -S SEED (0 is not a seed)");
        }
        return List.of(new Target(file, seed));
    }

    private long parseSeed(String s) {
        try {
            long v = Numbers.parseLong(s);
            if (v == 0) {
                throw Usage.error(spec, "0 is not a seed");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, e.getMessage());
        }
    }
}
