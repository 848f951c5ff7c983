package io.jfamfs.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code bin/famfs} and {@code bin/mkfs.famfs} as a user would, from the project root
 * (located from the module directory, as failsafe does not set {@code jfamfs.root}).
 */
final class Famfs {
    static final Path ROOT = locateRoot();
    static final Path FAMFS = ROOT.resolve("bin/famfs");
    static final Path MKFS = ROOT.resolve("bin/mkfs.famfs");

    /** One finished command. */
    record Result(List<String> command, int exit, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env;
    private final Path cwd;

    /** Runs commands with {@code FAMFS_SYSTEM_UUID_FILE=uuidFile} (this test's "host"). */
    Famfs(Path uuidFile) {
        this(uuidFile, null);
    }

    private Famfs(Path uuidFile, Path cwd) {
        this.env = Map.of("FAMFS_SYSTEM_UUID_FILE", uuidFile.toString(), "JFAMFS_NO_BUILD", "1");
        this.cwd = cwd;
    }

    Famfs withUuidFile(Path uuidFile) {
        return new Famfs(uuidFile, cwd);
    }

    /** Returns a runner whose commands start in {@code dir} (for relative paths). */
    Famfs in(Path dir) {
        return new Famfs(Path.of(env.get("FAMFS_SYSTEM_UUID_FILE")), dir);
    }

    Result famfs(String... args) {
        return run(FAMFS, args);
    }

    Result mkfs(String... args) {
        return run(MKFS, args);
    }

    /** Runs any program (e.g. {@code stat}, {@code cmp}) with the same environment. */
    Result exec(String... command) {
        return run(null, command);
    }

    private Result run(Path program, String... args) {
        List<String> cmd = new ArrayList<>();
        if (program != null) {
            cmd.add(program.toString());
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Result(cmd, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String slurp(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    private static Path locateRoot() {
        String prop = System.getProperty("jfamfs.root");
        if (prop != null) {
            return Path.of(prop);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bin/famfs")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project root (bin/famfs) above " + here);
    }

    /**
     * Leaves nothing of a test behind: unmounts {@code mounts} ({@code famfs umount}, else {@code umount
     * -l}) and anything else mounted under {@code work}, kills any daemon of {@code dev} that outlived
     * its mount (killed test JVM, failure), then deletes {@code dev} and {@code work}.
     */
    static void removeAll(Path work, Path dev, List<Path> mounts) throws IOException {
        Famfs f = new Famfs(work.resolve("system_uuid"));
        for (Path m : List.copyOf(mounts)) {
            if (f.famfs("umount", m.toString()).exit() != 0) {
                f.exec("umount", "-l", m.toString());
            }
        }
        mounts.clear();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            if (line.contains(work.toString())) {
                f.exec("umount", "-l", line.split(" ")[1]);
            }
        }
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dev.toString()))
                .forEach(ProcessHandle::destroyForcibly);
        Files.deleteIfExists(dev);
        try (java.util.stream.Stream<Path> s = Files.walk(work)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
