package io.jfamfs.api;

import io.jfamfs.device.DaxDevice;
import io.jfamfs.omf.Formatter;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.OmfException;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockLayout;
import io.jfamfs.omf.SuperblockView;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

/** {@code mkfs.famfs}: the refusals of {@code famfs_mkfs} around the omf {@link Formatter}. */
final class Formatting {
    /** Allocation units a formatted device must offer beyond superblock and log. */
    static final long MIN_DATA_UNITS = 4;

    private Formatting() {
    }

    static long minimumDeviceSize(long logLength) {
        return Formatter.reservedLength(logLength) + MIN_DATA_UNITS * OmfConstants.ALLOC_UNIT;
    }

    static Superblock format(Path path, FormatOptions o) throws IOException {
        long len = o.logLength();
        if (len < OmfConstants.MIN_CLI_LOG_LENGTH || Long.bitCount(len) != 1) {
            throw new ErrnoException(Errno.EINVAL, "log length %d must be a power of two of at least %d MiB"
                    .formatted(len, OmfConstants.MIN_CLI_LOG_LENGTH >> 20));
        }
        try (DaxDevice device = DaxDevice.open(path, DaxDevice.Access.READ_WRITE)) {
            Superblock existing = existing(device);
            if (existing != null && !o.force()) {
                throw new ErrnoException(Errno.EEXIST, ("%s already holds a famfs file system (fs uuid %s, owner system uuid %s); "
                        + "use force to overwrite it").formatted(path, existing.fsUuid(), existing.systemUuid()));
            }
            if (o.kill()) {
                if (existing != null) {
                    Formatter.kill(device.segment());
                    device.flush(0, 8);
                }
                return existing;
            }
            long min = minimumDeviceSize(len);
            if (device.size() < min) {
                throw new ErrnoException(Errno.ENOSPC, "device %s is too small: %d bytes, need at least %d (superblock 2 MiB + log %d MiB + %d MiB of data)"
                        .formatted(path, device.size(), min, len >> 20, MIN_DATA_UNITS * OmfConstants.ALLOC_UNIT >> 20));
            }
            UUID owner = SystemIdentity.findOrCreate(o.systemUuid(), o.systemUuidFile());
            long size = device.size() - device.size() % OmfConstants.ALLOC_UNIT;
            Formatter.format(device.segment(), new Formatter.Params(size, len, UUID.randomUUID(), UUID.randomUUID(),
                    owner, path.toString()));
            device.flush(OmfConstants.LOG_OFFSET, len);      // the log first, then the superblock, as mkfs
            device.flush(0, SuperblockLayout.SIZE);
            return new SuperblockView(device.slice(0, SuperblockLayout.SIZE)).decode();
        }
    }

    /** Returns the superblock when the device holds famfs (also of another version), else null. */
    private static Superblock existing(DaxDevice device) {
        SuperblockView v = new SuperblockView(device.slice(0, SuperblockLayout.SIZE));
        try {
            return v.validate();
        } catch (OmfException e) {
            return e.reason() == OmfException.Reason.WRONG_VERSION ? v.decode() : null;
        }
    }
}
