package io.jfamfs.api;

import java.nio.file.Path;
import java.util.UUID;

/**
 * What {@link Famfs#format} does ({@code mkfs.famfs}).
 *
 * @param logLength      log size in bytes: a power of two, at least 8 MiB (the default)
 * @param force          overwrite an existing famfs file system (also one owned by another host)
 * @param kill           with {@code force}: only zero the superblock magic, destroying the file system
 * @param systemUuidFile where the owner's system uuid is ({@code null}: the usual file); created
 *                       with a fresh uuid when missing, as the reference does
 * @param systemUuid     the owner's system uuid, overriding any file
 */
public record FormatOptions(long logLength, boolean force, boolean kill, Path systemUuidFile, UUID systemUuid) {
    /** The reference's default log length. */
    public static final long DEFAULT_LOG_LENGTH = 8L << 20;

    /** The defaults: 8 MiB log, no force, no kill, the usual system uuid file. */
    public static FormatOptions defaults() {
        return new FormatOptions(DEFAULT_LOG_LENGTH, false, false, null, null);
    }

    public FormatOptions withLogLength(long length) {
        return new FormatOptions(length, force, kill, systemUuidFile, systemUuid);
    }

    public FormatOptions withForce(boolean f) {
        return new FormatOptions(logLength, f, kill, systemUuidFile, systemUuid);
    }

    public FormatOptions withKill(boolean k) {
        return new FormatOptions(logLength, force, k, systemUuidFile, systemUuid);
    }

    public FormatOptions withSystemUuidFile(Path file) {
        return new FormatOptions(logLength, force, kill, file, systemUuid);
    }

    public FormatOptions withSystemUuid(UUID uuid) {
        return new FormatOptions(logLength, force, kill, systemUuidFile, uuid);
    }
}
