package io.jfamfs.api;

import io.jfamfs.device.SystemUuid;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** This host's famfs system uuid (an explicit one, a given file, or {@link SystemUuid#fromEnvironment()}), and this process's ids. */
final class SystemIdentity {
    private SystemIdentity() {
    }

    private static SystemUuid source(Path fileOverride) {
        return fileOverride != null ? new SystemUuid(fileOverride) : SystemUuid.fromEnvironment();
    }

    /** Returns the uuid: {@code explicit}, else the file's; empty when there is no file (the host is then a client). */
    static Optional<UUID> find(UUID explicit, Path fileOverride) throws IOException {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        try {
            return Optional.of(source(fileOverride).read());
        } catch (ErrnoException e) {
            if (e.is(Errno.ENOENT)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Returns the uuid, creating the file with a fresh one when missing (as the reference's mkfs does). */
    static UUID findOrCreate(UUID explicit, Path fileOverride) throws IOException {
        return explicit != null ? explicit : source(fileOverride).readOrCreate();
    }

    static int uid() {
        return idFromStatus("Uid:");
    }

    static int gid() {
        return idFromStatus("Gid:");
    }

    /** Reads the real id from {@code /proc/self/status}; 0 when unavailable. */
    private static int idFromStatus(String key) {
        try (var lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Integer.parseInt(l.substring(key.length()).strip().split("\\s+")[0])).orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
