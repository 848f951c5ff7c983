package io.jfamfs.cli;

import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.LogHeaderView;
import io.jfamfs.omf.OmfException;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockView;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine;

/** {@code chkread}: read() versus mmap() of one file, optionally decoded as a superblock or a log. */
final class Chkread {
    private static final int CHUNK = 1 << 20;

    private Chkread() {
    }

    static int run(CommandLine cmd, Path file, boolean superblock, boolean log) throws IOException, CliException {
        if (!Files.isRegularFile(file)) {
            throw new CliException(1, "not a regular file: " + file);
        }
        PrintWriter out = cmd.getOut();
        try (Arena arena = Arena.ofConfined();
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            MemorySegment mapped = size == 0 ? MemorySegment.NULL : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            MemorySegment read = arena.allocate(Math.max(size, 1)).asSlice(0, size);
            readFully(ch, read, file);
            long mismatch = read.mismatch(mapped);
            if (mismatch >= 0) {
                throw new CliException(1, "read and mmap differ at offset %d: %s".formatted(mismatch, file));
            }
            out.println("Read and mmap match (" + size + " bytes): " + file);
            if (superblock) {
                printSuperblock(out, read);
            } else if (log) {
                printLog(out, read);
            }
        }
        out.flush();
        return 0;
    }

    private static void readFully(FileChannel ch, MemorySegment dst, Path file) throws IOException {
        long pos = 0;
        while (pos < dst.byteSize()) {
            ByteBuffer b = dst.asSlice(pos, Math.min(CHUNK, dst.byteSize() - pos)).asByteBuffer();
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("short read at offset " + pos + ": " + file);
            }
            pos += n;
        }
    }

    private static void printSuperblock(PrintWriter out, MemorySegment m) throws CliException {
        if (m.byteSize() < 512) {
            throw new CliException(1, "too small for a superblock: " + m.byteSize() + " bytes");
        }
        SuperblockView v = new SuperblockView(m);
        Superblock sb = v.decode();
        out.printf("superblock: magic=0x%x version=%d crc_ok=%b%n", sb.magic(), sb.version(), sb.crcOk());
        out.printf("  uuid=%s dev_uuid=%s system_uuid=%s%n", sb.fsUuid(), sb.devUuid(), sb.systemUuid());
        out.printf("  log_offset=%d log_len=%d alloc_unit=%d omf=%d.%d%n", sb.logOffset(), sb.logLength(),
                sb.allocUnit(), sb.omfMajor(), sb.omfMinor());
        out.printf("  daxdev=%s size=%d%n", sb.daxdevName(), sb.deviceSize());
        try {
            v.validate();
        } catch (OmfException e) {
            throw new CliException(1, "invalid superblock: " + e.getMessage());
        }
    }

    private static void printLog(PrintWriter out, MemorySegment m) throws CliException {
        if (m.byteSize() < 48) {
            throw new CliException(1, "too small for a log: " + m.byteSize() + " bytes");
        }
        LogHeaderView v = new LogHeaderView(m);
        LogHeader h = v.decode();
        out.printf("log: magic=0x%x len=%d last_index=%d next_index=%d next_seqnum=%d crc_ok=%b%n", h.magic(),
                h.length(), h.lastIndex(), h.nextIndex(), h.nextSeqnum(), h.crcOk());
        try {
            v.validate();
        } catch (OmfException e) {
            throw new CliException(1, "invalid log header: " + e.getMessage());
        }
    }
}
