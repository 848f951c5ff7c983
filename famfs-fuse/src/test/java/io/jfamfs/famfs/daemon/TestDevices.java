package io.jfamfs.famfs.daemon;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.device.EmulatedDevices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sparse emulated devices in /dev/shm with unique names, and two "host" identities (system uuid
 * files for a master and a client). {@link #close} deletes the devices.
 */
final class TestDevices implements AutoCloseable {
    static final long MiB = 1L << 20, GiB = 1L << 30;
    final Path masterUuidFile;
    final Path clientUuidFile;
    private final List<Path> made = new ArrayList<>();

    TestDevices(Path tempDir) throws IOException {
        masterUuidFile = Files.writeString(tempDir.resolve("master_uuid"), UUID.randomUUID() + "\n");
        clientUuidFile = Files.writeString(tempDir.resolve("client_uuid"), UUID.randomUUID() + "\n");
    }

    /** Creates and formats a sparse device owned by the master identity. */
    Path formatted(long size) throws IOException {
        Path p = Path.of("/dev/shm", "jfamfs-fuse-test-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        made.add(p);
        EmulatedDevices.create(p, size, false);
        Famfs.format(p, FormatOptions.defaults().withSystemUuidFile(masterUuidFile));
        return p;
    }

    FamfsOptions master() {
        return FamfsOptions.builder().systemUuidFile(masterUuidFile).build();
    }

    FamfsOptions client() {
        return FamfsOptions.builder().systemUuidFile(clientUuidFile).build();
    }

    @Override
    public void close() throws IOException {
        for (Path p : made) {
            Files.deleteIfExists(p);
        }
    }
}
