package io.jfamfs.api;

import io.jfamfs.device.EmulatedDevices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sparse emulated devices in {@code /dev/shm} with unique names, plus "host" identities: system uuid
 * files for a master and a client. {@link #close()} deletes every device it made.
 */
final class ShmDevices implements AutoCloseable {
    static final long MiB = 1L << 20, GiB = 1L << 30;
    private final List<Path> made = new ArrayList<>();
    final Path masterUuidFile;
    final Path clientUuidFile;

    ShmDevices(Path tempDir) {
        try {
            masterUuidFile = Files.writeString(tempDir.resolve("master_uuid"), UUID.randomUUID() + "\0");
            clientUuidFile = Files.writeString(tempDir.resolve("client_uuid"), UUID.randomUUID() + "\0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a sparse device of {@code size} bytes. */
    Path create(long size) throws IOException {
        Path p = Path.of("/dev/shm", "jfamfs-test-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        made.add(p);
        EmulatedDevices.create(p, size, false);
        return p;
    }

    /** Creates and formats a device owned by the master identity. */
    Path formatted(long size) throws IOException {
        Path p = create(size);
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
