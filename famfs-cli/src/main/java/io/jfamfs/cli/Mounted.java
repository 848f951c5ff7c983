package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.Role;
import io.jfamfs.famfs.daemon.Mounts;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Paths inside jfamfs mounts: which mount a path is in (through a {@link Resolver}, the seam tests
 * replace), its relpath there, and the device behind it, opened with the mount's host identity.
 * Commands act on the device directly; the mount's daemon picks the change up on its own.
 */
final class Mounted {
    /** A jfamfs mount: its mount point, device, system uuid file (null: the default) and mode. */
    record Mount(Path mountpoint, Path device, Path systemUuidFile, boolean readOnly) {
    }

    /** Finds the jfamfs mount that contains an absolute, normalized path. */
    interface Resolver {
        Optional<Mount> containing(Path path) throws IOException;
    }

    /** A path inside a mount: {@code relpath} is "" for the mount point itself. */
    record Location(Mount mount, String relpath, Path path) {
        boolean isMountPoint() {
            return relpath.isEmpty();
        }
    }

    private static volatile Resolver resolver = new DaemonMountsResolver();

    private Mounted() {
    }

    /** Replaces the resolver (tests); returns the previous one. */
    static Resolver useResolver(Resolver r) {
        Resolver old = resolver;
        resolver = r;
        return old;
    }

    /** Returns where {@code path} is, or empty when it is not inside a jfamfs mount. */
    static Optional<Location> find(Path path) throws IOException {
        Path abs = canonical(path);
        Optional<Mount> m = resolver.containing(abs);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Path rel = m.get().mountpoint().relativize(abs);
        String relpath = rel.toString();
        return Optional.of(new Location(m.get(), relpath.equals("") ? "" : relpath, abs));
    }

    /** The mount's synthesized meta directory: not in the log, so nothing may be created under it. */
    static final String META = io.jfamfs.ns.PathRules.META_DIR;

    /** Returns true when {@code relpath} is {@code .meta} or below it. */
    static boolean isMeta(String relpath) {
        return relpath.equals(META) || relpath.startsWith(META + "/");
    }

    /** Returns where {@code path} is; fails with {@code exitCode} when it is not in a jfamfs mount. */
    static Location require(Path path, int exitCode) throws IOException, CliException {
        Optional<Location> l = find(path);
        if (l.isEmpty()) {
            throw new CliException(exitCode, "not in a jfamfs file system: " + path);
        }
        return l.get();
    }

    /**
     * Returns the absolute path with symlinks resolved as far as it exists and the rest normalized
     * lexically ({@code ./}, {@code //} and {@code ..}), like the reference's realpath of the parent.
     */
    static Path canonical(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path real = existing.toRealPath();
        return rest == null ? real : real.resolve(rest).normalize();
    }

    /** Opens the device of {@code m} as this mount's host; {@code write} refuses clients and read-only mounts. */
    static Famfs open(Mount m, boolean write) throws IOException, CliException {
        Famfs fs = Famfs.open(m.device(), FamfsOptions.builder().systemUuidFile(m.systemUuidFile())
                .readOnly(!write).build());
        if (write && fs.role() == Role.CLIENT) {
            String master = String.valueOf(fs.superblock().systemUuid());
            fs.close();
            throw new CliException(1, "this host is a client: metadata is read-only (master is " + master + ")",
                    new ErrnoException(Errno.EROFS, "client"));
        }
        if (write && m.readOnly()) {
            fs.close();
            throw new CliException(1, "the mount at " + m.mountpoint() + " is read-only");
        }
        return fs;
    }

    /** The default resolver: the fuse module's {@link Mounts#containing} (mountinfo plus daemon state). */
    static final class DaemonMountsResolver implements Resolver {
        @Override
        public Optional<Mount> containing(Path path) {
            return Mounts.containing(path).map(m -> new Mount(m.mountpoint(), m.device(),
                    m.systemUuidFile().orElse(null), m.readOnly()));
        }
    }
}
