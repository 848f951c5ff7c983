package io.jfamfs.testing;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.device.EmulatedDevices;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sparse emulated devices in {@code /dev/shm} with unique names, plus two "host" identities: system
 * uuid files for a master and a client. {@link #close()} deletes every device it made (and the uuid
 * files when it made their directory). Use it as {@code @RegisterExtension final ShmDevices devices =
 * new ShmDevices();} (closed after each test) or with a directory of your own.
 */
public final class ShmDevices implements AutoCloseable, AfterEachCallback {
    public static final long MiB = 1L << 20, GiB = 1L << 30;
    public final Path masterUuidFile;
    public final Path clientUuidFile;
    private final Path ownDir;
    private final List<Path> made = new ArrayList<>();

    /** Keeps the uuid files in a temporary directory of its own, deleted by {@link #close()}. */
    public ShmDevices() {
        this(null);
    }

    /** Keeps the uuid files in {@code dir} (e.g. a {@code @TempDir}); null means a directory of its own. */
    public ShmDevices(Path dir) {
        try {
            ownDir = dir == null ? Files.createTempDirectory("jfamfs-hosts") : null;
            Path in = dir == null ? ownDir : dir;
            masterUuidFile = Files.writeString(in.resolve("master_uuid"), UUID.randomUUID() + "\0");
            clientUuidFile = Files.writeString(in.resolve("client_uuid"), UUID.randomUUID() + "\0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a sparse device of {@code size} bytes. */
    public Path create(long size) throws IOException {
        Path p = Path.of("/dev/shm", "jfamfs-test-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        made.add(p);
        EmulatedDevices.create(p, size, false);
        return p;
    }

    /** Creates and formats a device owned by the master identity. */
    public Path formatted(long size) throws IOException {
        Path p = create(size);
        Famfs.format(p, FormatOptions.defaults().withSystemUuidFile(masterUuidFile));
        return p;
    }

    /**
     * Creates a sparse device of the golden image's size ({@code mkfs_call.device_size}) whose first
     * bytes are the image {@code name} (see {@link GoldenImages}).
     */
    public Path golden(String name) throws IOException {
        Path p = Path.of("/dev/shm", "jfamfs-golden-" + name + "-" + UUID.randomUUID());
        made.add(p);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(GoldenImages.manifest(name).get("mkfs_call").get("device_size").asLong());
            f.write(GoldenImages.image(name).toArray(ValueLayout.JAVA_BYTE)); // sparse: only the metadata
        }
        return p;
    }

    public FamfsOptions master() {
        return FamfsOptions.builder().systemUuidFile(masterUuidFile).build();
    }

    public FamfsOptions client() {
        return FamfsOptions.builder().systemUuidFile(clientUuidFile).build();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        for (Path p : made) {
            Files.deleteIfExists(p);
        }
        made.clear();
        if (ownDir != null) {
            Files.deleteIfExists(masterUuidFile);
            Files.deleteIfExists(clientUuidFile);
            Files.deleteIfExists(ownDir);
        }
    }
}
