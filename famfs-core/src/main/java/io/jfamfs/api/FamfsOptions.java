package io.jfamfs.api;

import java.nio.file.Path;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * How to open a device.
 *
 * @param systemUuidFile where this host's system uuid is ({@code null}: {@code FAMFS_SYSTEM_UUID_FILE}
 *                       if set, else {@code /opt/famfs/system_uuid}); lets several "hosts" share one machine
 * @param systemUuid     this host's system uuid, overriding any file ({@code null}: read the file)
 * @param readOnly       map the device read-only and refuse metadata writes even on the master
 * @param random         bucket order for interleaved allocation ({@code null}: a fresh random generator);
 *                       inject a seeded one to make striping reproducible
 */
public record FamfsOptions(Path systemUuidFile, UUID systemUuid, boolean readOnly, RandomGenerator random) {
    /** The defaults: system uuid from the usual file, read-write. */
    public static FamfsOptions defaults() {
        return new FamfsOptions(null, null, false, null);
    }

    /** Returns a builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FamfsOptions}. */
    public static final class Builder {
        private Path systemUuidFile;
        private UUID systemUuid;
        private boolean readOnly;
        private RandomGenerator random;

        public Builder systemUuidFile(Path file) {
            this.systemUuidFile = file;
            return this;
        }

        public Builder systemUuid(UUID uuid) {
            this.systemUuid = uuid;
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public FamfsOptions build() {
            return new FamfsOptions(systemUuidFile, systemUuid, readOnly, random);
        }
    }
}
