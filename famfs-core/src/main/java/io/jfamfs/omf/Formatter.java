package io.jfamfs.omf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * mkfs in bytes ({@code __famfs_mkfs}): writes a fresh superblock and an empty log into a segment that
 * starts at device offset 0, and "kill" (zero the magic). Pure memory writes; the caller owns the
 * device, the uuids, the CLI preconditions (4 GiB device, power-of-two log of at least 8 MiB, owner
 * checks) and the flush afterwards (the reference flushes the log, then the superblock).
 *
 * <p>Deviations from the reference, both so that the result does not depend on old device contents:
 * {@code ts_sb_flags} and the padding after it are written as 0, and {@code ts_daxdev.dd_uuid} is
 * written as the nil uuid (the reference writes neither; nothing reads them, and a fresh device
 * holds zeros there, which is what every golden image shows). Bytes [200, 2 MiB) are left alone, as
 * the reference does.
 */
public final class Formatter {

    /** What mkfs writes: sizes in bytes, the three uuids, and the device path for {@code dd_daxdev}. */
    public record Params(long deviceSize, long logLength, UUID fsUuid, UUID devUuid, UUID systemUuid,
            String daxdevName) {
        public Params {
            Objects.requireNonNull(fsUuid, "fsUuid");
            Objects.requireNonNull(devUuid, "devUuid");
            Objects.requireNonNull(systemUuid, "systemUuid");
            Objects.requireNonNull(daxdevName, "daxdevName");
            if (logLength < OmfConstants.ALLOC_UNIT || logLength % OmfConstants.ALLOC_UNIT != 0) {
                throw new IllegalArgumentException(
                        "log length must be a positive multiple of 2 MiB: logLength=" + logLength);
            }
            if (deviceSize % OmfConstants.ALLOC_UNIT != 0 || deviceSize < reservedLength(logLength)) {
                throw new IllegalArgumentException("device size must be a multiple of 2 MiB and hold the "
                        + "superblock and log: deviceSize=%d logLength=%d".formatted(deviceSize, logLength));
            }
        }

        /** Returns params with the default 8 MiB log. */
        public static Params withDefaultLog(long deviceSize, UUID fsUuid, UUID devUuid, UUID systemUuid,
                String daxdevName) {
            return new Params(deviceSize, OmfConstants.DEFAULT_LOG_LENGTH, fsUuid, devUuid, systemUuid, daxdevName);
        }
    }

    private Formatter() {
    }

    /** Returns the bytes mkfs owns at the start of the device: the superblock region plus the log. */
    public static long reservedLength(long logLength) {
        return OmfConstants.LOG_OFFSET + logLength;
    }

    /**
     * Formats {@code device} (at least {@link #reservedLength} bytes, starting at device offset 0) in
     * the reference's order. The superblock CRC is written last, so until then a reader sees a
     * superblock that fails validation, never a half-written valid one.
     */
    public static void format(MemorySegment device, Params p) {
        long need = reservedLength(p.logLength());
        if (device.byteSize() < need) {
            throw new IllegalArgumentException("segment shorter than superblock + log: size=%d need=%d"
                    .formatted(device.byteSize(), need));
        }
        SuperblockView sb = new SuperblockView(device.asSlice(0, SuperblockLayout.SIZE));
        // 1. the owner: the host that runs mkfs is the master
        sb.writeUuid(SuperblockLayout.SYSTEM_UUID_OFFSET, p.systemUuid());
        // 2. magic, version, geometry, omf version
        sb.writeGeometry(OmfConstants.SUPER_MAGIC, OmfConstants.CURRENT_VERSION, OmfConstants.LOG_OFFSET,
                p.logLength(), OmfConstants.ALLOC_UNIT, OmfConstants.OMF_VER_MAJOR, OmfConstants.OMF_VER_MINOR);
        // 3. the file system uuid (4, re-reading the magic to detect a read-only device, is moot:
        //    a read-only segment has already thrown)
        sb.writeUuid(SuperblockLayout.UUID_OFFSET, p.fsUuid());
        // 5. the device uuid
        sb.writeUuid(SuperblockLayout.DEV_UUID_OFFSET, p.devUuid());
        // 6. the primary daxdev; flags and dd_uuid defined here, unlike the reference
        sb.writeFlags(0);
        sb.writeDaxdev(p.deviceSize(), new UUID(0, 0), p.daxdevName().getBytes(StandardCharsets.UTF_8));
        // 7. the CRC, last
        sb.writeCrc();

        // The log: all of it zeroed first (no stale entry may survive), then the header, CRC last.
        MemorySegment log = device.asSlice(OmfConstants.LOG_OFFSET, p.logLength());
        log.fill((byte) 0);
        new LogHeaderView(log).writeEmpty(p.logLength());
    }

    /** Destroys the file system as {@code mkfs --kill}: zeroes {@code ts_magic} only; the log stays. */
    public static void kill(MemorySegment device) {
        device.set(ValueLayout.JAVA_LONG_UNALIGNED, SuperblockLayout.MAGIC_OFFSET, 0L);
    }
}
