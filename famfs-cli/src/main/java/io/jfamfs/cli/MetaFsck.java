package io.jfamfs.cli;

import io.jfamfs.alloc.Geometry;
import io.jfamfs.log.Fsck;
import io.jfamfs.log.FsckReport;
import io.jfamfs.omf.LogEntryView;
import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.LogHeaderView;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockView;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code famfs fsck PATH} for users who may not open the device (a root-only {@code /dev/daxX.Y}):
 * the reference's "mounted fsck", through the mount's {@code .meta/.superblock} and {@code .meta/.log}
 * (world-readable), scanned with famfs-core's {@link Fsck}.
 */
final class MetaFsck {
    private MetaFsck() {
    }

    static FsckReport scan(Path mountpoint, Arena arena) throws IOException, CliException {
        MemorySegment sbBytes = readAll(mountpoint.resolve(".meta/.superblock"), arena);
        MemorySegment logBytes = readAll(mountpoint.resolve(".meta/.log"), arena);
        SuperblockView sbView = new SuperblockView(sbBytes);
        Superblock sb;
        LogHeader header;
        try {
            sb = sbView.validate();
            header = new LogHeaderView(logBytes).validate();
        } catch (IOException e) {
            throw new CliException(2, "no valid famfs metadata in " + mountpoint + "/.meta: " + e.getMessage(), e);
        }
        Geometry g = Geometry.of(sb.deviceSize(), sb.allocUnit(), sb.logLength());
        return Fsck.scan(sb, header, g, i -> LogEntryView.at(logBytes, i).decode(i));
    }

    private static MemorySegment readAll(Path file, Arena arena) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment m = arena.allocate(ch.size(), 4096);
            var buf = m.asByteBuffer();
            while (buf.hasRemaining() && ch.read(buf, buf.position()) >= 0) {
                // read until full
            }
            return m;
        }
    }
}
