package io.jfamfs.cli;

import io.jfamfs.cli.term.Progress;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Copies a file into (or compares it with) mapped famfs memory, with no intermediate copy on writes. */
final class FileCopy {
    private static final long CHUNK = 8L << 20;

    private FileCopy() {
    }

    /**
     * Reads {@code src} straight into {@code dest} (the file's device memory), or with {@code compare}
     * compares them; returns the first differing offset, or -1. The source must be {@code dest}'s size.
     */
    static long copy(Path src, MemorySegment dest, boolean compare, Progress progress) throws IOException {
        try (FileChannel ch = FileChannel.open(src, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = dest.byteSize();
            if (ch.size() != size) {
                throw new IOException("source size %d differs from destination size %d".formatted(ch.size(), size));
            }
            MemorySegment buf = compare ? arena.allocate(CHUNK) : null;
            for (long off = 0; off < size; off += CHUNK) {
                long len = Math.min(CHUNK, size - off);
                MemorySegment target = compare ? buf.asSlice(0, len) : dest.asSlice(off, len);
                readFully(ch, target, off, src);
                if (compare) {
                    long m = target.mismatch(dest.asSlice(off, len));
                    if (m >= 0) {
                        return off + m;
                    }
                }
                progress.advance(len);
            }
            return -1;
        }
    }

    private static void readFully(FileChannel ch, MemorySegment target, long fileOffset, Path src) throws IOException {
        ByteBuffer b = target.asByteBuffer();
        while (b.hasRemaining()) {
            int n = ch.read(b, fileOffset + b.position());
            if (n < 0) {
                throw new IOException("unexpected end of file at offset " + (fileOffset + b.position()) + ": " + src);
            }
        }
    }
}
