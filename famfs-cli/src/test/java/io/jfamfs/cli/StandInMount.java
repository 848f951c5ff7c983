package io.jfamfs.cli;

import io.jfamfs.testing.ShmDevices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A formatted emulated device and a stand-in "mount": a plain directory that the {@link Mounted.Resolver}
 * seam maps to the device, so that commands run in-process without FUSE. The commands run as the
 * device's master until {@link #useUuid} says otherwise; {@link #close} restores the resolver and
 * deletes the device.
 */
final class StandInMount implements AutoCloseable {
    final Path dev;
    final Path mnt;
    private final ShmDevices devices = new ShmDevices();
    private final Mounted.Resolver previous;

    /** Formats a sparse device of {@code size} bytes and maps {@code dir}/mnt to it. */
    StandInMount(Path dir, long size) throws IOException {
        dev = devices.formatted(size);
        mnt = Files.createDirectory(dir.resolve("mnt")).toRealPath();
        previous = Mounted.useResolver(resolver(devices.masterUuidFile));
    }

    /** Makes the commands run as the host whose system uuid is in {@code file}. */
    void useUuid(Path file) {
        Mounted.useResolver(resolver(file));
    }

    private Mounted.Resolver resolver(Path uuidFile) {
        return p -> p.startsWith(mnt) ? Optional.of(new Mounted.Mount(mnt, dev, uuidFile, false)) : Optional.empty();
    }

    @Override
    public void close() throws IOException {
        Mounted.useResolver(previous);
        devices.close();
    }
}
