package io.jfamfs.api;

import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import java.io.IOException;

/**
 * Where a file's bytes are on the device. Simple extents are laid end to end; an interleaved file
 * is striped round-robin: chunk {@code k} is in strip {@code k % nstrips} at strip offset
 * {@code (k / nstrips) * chunkSize} (the kernel's {@code famfs_interleave_fileofs_to_daxofs}).
 */
final class FileLayout {
    private FileLayout() {
    }

    /** Receives one device-contiguous run. */
    @FunctionalInterface
    interface RunSink {
        void run(long fileOffset, long devOffset, long length) throws IOException;
    }

    /** Returns the bytes the fmap holds (the allocated size, at least the file size). */
    static long capacity(Fmap fmap) {
        return switch (fmap) {
            case Fmap.Simple s -> s.extents().stream().mapToLong(SimpleExtent::length).sum();
            case Fmap.Interleaved i -> i.nstrips() * i.strips().getFirst().length();
        };
    }

    /** Calls {@code sink} for each device-contiguous run of file bytes {@code [offset, offset+length)}, in order. */
    static void forEachRun(Fmap fmap, long offset, long length, RunSink sink) throws IOException {
        long end = offset + length;
        switch (fmap) {
            case Fmap.Simple s -> {
                long fileStart = 0;
                for (SimpleExtent e : s.extents()) {
                    long fileEnd = fileStart + e.length();
                    long from = Math.max(offset, fileStart);
                    long to = Math.min(end, fileEnd);
                    if (from < to) {
                        sink.run(from, e.offset() + (from - fileStart), to - from);
                    }
                    if (fileEnd >= end) {
                        return;
                    }
                    fileStart = fileEnd;
                }
            }
            case Fmap.Interleaved i -> {
                long chunk = i.chunkSize();
                long n = i.nstrips();
                long pos = offset;
                while (pos < end) {
                    long k = pos / chunk;
                    long within = pos % chunk;
                    long run = Math.min(chunk - within, end - pos);
                    SimpleExtent strip = i.strips().get((int) (k % n));
                    sink.run(pos, strip.offset() + (k / n) * chunk + within, run);
                    pos += run;
                }
            }
        }
    }
}
