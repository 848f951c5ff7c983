package io.jfamfs.cli;

import io.jfamfs.testing.ShmDevices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test, a formatted emulated device and a stand-in "mount": a plain directory that the
 * {@link Mounted.Resolver} seam maps to the device, so that commands run in-process without FUSE. The
 * commands run as the device's master until {@link #useUuid} says otherwise. Register it with
 * {@code @RegisterExtension final StandInMount mount = new StandInMount(size);}; after each test it
 * restores the resolver and deletes the device and the directory.
 */
final class StandInMount implements BeforeEachCallback, AfterEachCallback {
    private final long size;
    private ShmDevices devices;
    private Mounted.Resolver previous;
    /** The device and the stand-in mountpoint of the running test. */
    Path dev, mnt;

    StandInMount(long size) {
        this.size = size;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        devices = new ShmDevices();
        dev = devices.formatted(size);
        mnt = Files.createTempDirectory("jfamfs-mnt").toRealPath();
        previous = Mounted.useResolver(resolver(devices.masterUuidFile));
    }

    /** Makes the commands run as the host whose system uuid is in {@code file}. */
    void useUuid(Path file) {
        Mounted.useResolver(resolver(file));
    }

    private Mounted.Resolver resolver(Path uuidFile) {
        Path at = mnt, device = dev;
        return p -> p.startsWith(at) ? Optional.of(new Mounted.Mount(at, device, uuidFile, false)) : Optional.empty();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Mounted.useResolver(previous);
        devices.close();
        try (Stream<Path> s = Files.walk(mnt)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
