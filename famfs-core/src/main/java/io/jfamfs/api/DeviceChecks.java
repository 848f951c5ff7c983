package io.jfamfs.api;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.device.DaxDevice;
import io.jfamfs.log.Fsck;
import io.jfamfs.log.FsckReport;
import io.jfamfs.omf.LogEntryView;
import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.LogHeaderLayout;
import io.jfamfs.omf.LogHeaderView;
import io.jfamfs.omf.OmfConstants;
import io.jfamfs.omf.OmfException;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockLayout;
import io.jfamfs.omf.SuperblockView;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/** Superblock validation against the device, and fsck of a device that need not open cleanly. */
final class DeviceChecks {
    private DeviceChecks() {
    }

    static Superblock readSuperblock(DaxDevice device) throws NotFamfsException {
        if (device.size() < SuperblockLayout.SIZE) {
            throw new NotFamfsException("device %s is too small for a superblock: size=%d".formatted(device.path(), device.size()));
        }
        Superblock sb;
        try {
            sb = new SuperblockView(device.slice(0, SuperblockLayout.SIZE)).validate();
        } catch (OmfException e) {
            throw new NotFamfsException("no valid famfs superblock on %s: %s".formatted(device.path(), e.getMessage()));
        }
        long reservedEnd = Geometry.SUPERBLOCK_REGION + sb.logLength();
        if (device.size() < reservedEnd) {
            throw new NotFamfsException("device %s (%d bytes) is smaller than its superblock and log (%d bytes)"
                    .formatted(device.path(), device.size(), reservedEnd));
        }
        return sb;
    }

    static FsckReport fsck(Path devicePath) throws IOException {
        try (DaxDevice device = DaxDevice.open(devicePath, DaxDevice.Access.READ_ONLY)) {
            Superblock sb = readSuperblock(device);
            Geometry g = Geometry.of(Math.min(sb.deviceSize(), device.size()), sb.allocUnit(), sb.logLength());
            MemorySegment log = device.slice(OmfConstants.LOG_OFFSET, sb.logLength());
            LogHeader h = new LogHeaderView(log).decode();
            long lastIndex = LogHeaderLayout.lastIndexFor(sb.logLength());
            if (h.lastIndex() != lastIndex) { // never index past the log the superblock describes
                h = new LogHeader(h.magic(), h.length(), lastIndex, h.crc(), h.nextSeqnum(), h.nextIndex(), false);
            }
            return Fsck.scan(sb, h, g, i -> LogEntryView.at(log, i).decode(i));
        }
    }
}
