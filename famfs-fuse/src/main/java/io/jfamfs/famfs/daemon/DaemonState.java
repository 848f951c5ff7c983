package io.jfamfs.famfs.daemon;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The small file a daemon keeps under {@code /run/jfamfs/<pid>.state} while it serves a mount, so
 * that {@code famfs} commands can tell the device, role and pid behind a mountpoint. Written
 * atomically (rename), removed on exit; a file whose pid no longer lives is stale and ignored.
 */
record DaemonState(long pid, Path mountpoint, Path device, Optional<Path> systemUuidFile, String systemUuid,
        boolean master, boolean readOnly) {
    static final Path DEFAULT_DIR = Path.of("/run/jfamfs");

    /** Returns the state directory ({@code JFAMFS_RUN_DIR} overrides it for tests). */
    static Path dir() {
        String env = System.getenv("JFAMFS_RUN_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : DEFAULT_DIR;
    }

    Path file(Path dir) {
        return dir.resolve(pid + ".state");
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("mountpoint", mountpoint.toString());
        p.setProperty("device", device.toString());
        systemUuidFile.ifPresent(f -> p.setProperty("system_uuid_file", f.toString()));
        p.setProperty("system_uuid", systemUuid);
        p.setProperty("role", master ? "master" : "client");
        p.setProperty("read_only", Boolean.toString(readOnly));
        Path tmp = dir.resolve(pid + ".state.tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "jfamfs daemon state");
        }
        Files.move(tmp, file(dir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Optional<DaemonState> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            String uuidFile = p.getProperty("system_uuid_file");
            return Optional.of(new DaemonState(Long.parseLong(p.getProperty("pid")), Path.of(p.getProperty("mountpoint")),
                    Path.of(p.getProperty("device")), Optional.ofNullable(uuidFile).map(Path::of),
                    p.getProperty("system_uuid", ""), "master".equals(p.getProperty("role")),
                    Boolean.parseBoolean(p.getProperty("read_only"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // vanished or half-written: treat as absent
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // not ours to delete (another user): it stays ignored
        }
    }

    /** Returns true when {@code pid} lives and is a jfamfs daemon (not a recycled pid). */
    static boolean isDaemon(long pid) {
        if (isZombie(pid)) {
            return false; // exited, not yet reaped by the process that started it
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().commandLine().map(c -> c.contains(DaemonMain.class.getName())).orElse(true))
                .orElse(false);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns the states whose daemon still lives. */
    static List<DaemonState> live(Path dir) {
        List<DaemonState> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(f -> f.getFileName().toString().endsWith(".state")).forEach(f -> read(f).ifPresent(st -> {
                if (isDaemon(st.pid())) {
                    out.add(st);
                } else {
                    deleteQuietly(f); // a killed daemon's leftover
                }
            }));
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
