package io.jfamfs.cli;

import io.jfamfs.cli.text.Json;
import io.jfamfs.log.FsckEntry;
import io.jfamfs.log.FsckReport;
import io.jfamfs.log.Problem;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.LogHeader;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.omf.Superblock;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Renders an fsck report for humans, with the reference's section names and capacity labels (scripts
 * parse "Free space:" and "log_len"), or as one JSON object for machines.
 */
final class FsckPrinter {
    /** How to print: human sizes, verbosity, JSON, per-bucket report. */
    record Options(boolean human, int verbose, boolean json, Integer nbuckets) {
    }

    /** What the report alone does not say: where it came from and this host's role. */
    record Context(String source, String role) {
    }

    /** {@code sizeof(struct famfs_log)} and {@code sizeof(struct famfs_log_entry)}. */
    static final long LOG_HEADER_SIZE = 48, LOG_ENTRY_SIZE = 544;

    private FsckPrinter() {
    }

    static void print(PrintWriter out, FsckReport r, Context c, Options o) {
        if (o.json()) {
            out.println(json(r, c));
        } else {
            human(out, r, c, o);
        }
        out.flush();
    }

    static void human(PrintWriter out, FsckReport r, Context c, Options o) {
        superblock(out, r.superblock(), c);
        capacity(out, r, o);
        LogHeader log = r.logHeader();
        out.println("Famfs log:");
        out.println("  " + log.nextIndex() + " of " + (log.lastIndex() + 1) + " entries used");
        out.println("  " + r.files() + " files");
        out.println("  " + r.directories() + " directories");
        out.println();
        if (o.nbuckets() != null) {
            buckets(out, r, o);
        }
        if (o.verbose() > 0) {
            verbose(out, r, o.verbose());
        }
        if (!r.errors().isEmpty()) {
            out.println("Errors: " + r.errors().size());
            for (Problem p : r.errors()) {
                out.println("  " + p);
            }
            out.println();
        }
    }

    private static void superblock(PrintWriter out, Superblock sb, Context c) {
        out.println("Famfs Superblock:");
        out.println("  Filesystem UUID:   " + sb.fsUuid());
        out.println("  Device UUID:       " + sb.devUuid());
        out.println("  System UUID:       " + sb.systemUuid());
        out.println("  role of this node: " + c.role());
        out.println("  alloc unit:        " + sb.allocUnit());
        out.println("  omf version:       " + sb.omfMajor() + "." + sb.omfMinor());
        out.println("  log size:          " + sb.logLength());
        out.println("  primary: " + sb.daxdevName() + "   " + sb.deviceSize());
        out.println();
    }

    /** Log use and capacity, with the reference's labels ("Allocated bytes", "Free space" are parsed by scripts). */
    private static void capacity(PrintWriter out, FsckReport r, Options o) {
        Superblock sb = r.superblock();
        LogHeader log = r.logHeader();
        out.println("Log stats:");
        out.println("  # of log entries in use: " + log.nextIndex() + " of " + (log.lastIndex() + 1));
        out.println("  Log size in use:          " + (LOG_HEADER_SIZE + log.nextIndex() * LOG_ENTRY_SIZE));
        long bitmapCapacity = sb.deviceSize() / sb.allocUnit() * sb.allocUnit();
        long allocSum = bitmapCapacity - r.freeBytes();            // includes the reserved region, as the reference
        long fileSizes = r.entries().stream().filter(e -> e.type() == FsckEntry.Type.FILE && e.valid())
                .mapToLong(FsckEntry::size).sum();
        out.println(r.collisions() > 0 ? "ERROR: " + r.collisions() + " ALLOCATION COLLISIONS FOUND"
                : "  No allocation errors found");
        out.println();
        out.println("Capacity:");
        out.println("  Device capacity:        " + size(sb.deviceSize(), o.human()));
        out.println("  Bitmap capacity:        " + size(bitmapCapacity, o.human()));
        out.println("  Sum of file sizes:      " + size(fileSizes, o.human()));
        out.println((o.human() ? "  Allocated space:        " : "  Allocated bytes:        ") + size(allocSum, o.human()));
        out.println("  Free space:             " + size(r.freeBytes(), o.human()));
        out.println("  Space amplification:     " + (fileSizes == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f", (double) r.allocatedBytes() / fileSizes)));
        out.println("  Percent used:            " + String.format(Locale.ROOT, "%.1f%%",
                100.0 * allocSum / Math.max(1, bitmapCapacity)));
        out.println();
    }

    private static void verbose(PrintWriter out, FsckReport r, int level) {
        Superblock sb = r.superblock();
        LogHeader log = r.logHeader();
        out.println("Verbose:");
        out.println("  log_offset:        " + sb.logOffset());
        out.println("  log_len:           " + sb.logLength());
        out.println("  sizeof(log header) " + LOG_HEADER_SIZE);
        out.println("  sizeof(log_entry)  " + LOG_ENTRY_SIZE);
        out.println("  last_log_index:    " + log.lastIndex());
        out.println("  usable log size:   " + (LOG_HEADER_SIZE + LOG_ENTRY_SIZE * log.lastIndex()));
        out.println();
        if (level > 1) {
            entries(out, r.entries());
        }
    }

    /** Per-bucket usage: how many bytes of valid files' extents fall in each of N equal buckets. */
    private static void buckets(PrintWriter out, FsckReport r, Options o) {
        long device = r.superblock().deviceSize();
        int n = o.nbuckets();
        long bucket = device / n;
        long[] used = new long[n];
        for (FsckEntry e : r.entries()) {
            if (e.type() != FsckEntry.Type.FILE || !e.valid() || e.fmap() == null) {
                continue;
            }
            for (SimpleExtent x : extents(e.fmap())) {
                for (long off = x.offset(); off < x.end(); ) {
                    int b = (int) Math.min(n - 1, off / bucket);
                    long end = Math.min(x.end(), b == n - 1 ? Long.MAX_VALUE : (b + 1) * bucket);
                    used[b] += end - off;
                    off = end;
                }
            }
        }
        for (int b = 0; b < n; b++) {
            long start = b * bucket;
            long len = b == n - 1 ? device - start : bucket;
            out.printf(Locale.ROOT, "Bitmap range %d: [0x%x, 0x%x)%n", b, start, start + len);
            out.println("  Allocated:            " + size(used[b], o.human()));
            out.println("  Free:                 " + size(len - used[b], o.human()));
        }
        out.println();
    }

    private static void entries(PrintWriter out, List<FsckEntry> entries) {
        out.println("Log entries:");
        for (FsckEntry e : entries) {
            out.printf(Locale.ROOT, "  %6d %-10s %s%s%n", e.index(), e.type(), e.relpath() == null ? "" : e.relpath(),
                    e.valid() ? "" : "  (" + e.problem() + ")");
        }
        out.println();
    }

    private static List<SimpleExtent> extents(Fmap f) {
        return switch (f) {
            case Fmap.Simple s -> s.extents();
            case Fmap.Interleaved i -> i.strips();
        };
    }

    private static String size(long bytes, boolean human) {
        return human ? String.format(Locale.ROOT, "%.2fG", bytes / (double) (1L << 30)) : Long.toString(bytes);
    }

    /** Returns the report as one JSON object. */
    static String json(FsckReport r, Context c) {
        Superblock sb = r.superblock();
        LogHeader log = r.logHeader();
        Json j = new Json().beginObject();
        j.field("source", c.source()).field("role", c.role()).field("clean", r.clean());
        j.name("superblock").beginObject()
                .field("magic", hex(sb.magic())).field("version", sb.version())
                .field("log_offset", sb.logOffset()).field("log_len", sb.logLength())
                .field("alloc_unit", sb.allocUnit())
                .field("omf_version", sb.omfMajor() + "." + sb.omfMinor())
                .field("uuid", String.valueOf(sb.fsUuid())).field("dev_uuid", String.valueOf(sb.devUuid()))
                .field("system_uuid", String.valueOf(sb.systemUuid())).field("crc", hex(sb.crc()))
                .field("flags", sb.flags())
                .name("daxdev").beginObject().field("size", sb.deviceSize())
                .field("uuid", String.valueOf(sb.daxdevUuid())).field("name", sb.daxdevName()).endObject()
                .field("crc_ok", sb.crcOk()).endObject();
        j.name("log").beginObject().field("magic", hex(log.magic())).field("len", log.length())
                .field("next_index", log.nextIndex()).field("next_seqnum", log.nextSeqnum())
                .field("last_index", log.lastIndex()).field("crc_ok", log.crcOk()).endObject();
        j.name("entries").beginArray();
        for (FsckEntry e : r.entries()) {
            entry(j, e);
        }
        j.endArray();
        j.field("files", r.files()).field("directories", r.directories())
                .field("allocated_bytes", r.allocatedBytes()).field("free_bytes", r.freeBytes())
                .field("bad_entries", r.badEntries()).field("collisions", r.collisions())
                .field("replay_stop_index", r.replayStopIndex());
        j.name("errors").beginArray();
        for (Problem p : r.errors()) {
            j.beginObject().field("index", p.index()).field("message", p.message()).endObject();
        }
        j.endArray();
        return j.endObject().toString();
    }

    private static void entry(Json j, FsckEntry e) {
        j.beginObject().field("index", e.index()).field("seqnum", e.seqnum()).field("type", e.type().name())
                .field("raw_type", e.rawType());
        if (e.relpath() != null) {
            j.field("relpath", e.relpath());
        }
        if (e.type() == FsckEntry.Type.FILE) {
            j.field("size", e.size());
        }
        if (e.type() == FsckEntry.Type.FILE || e.type() == FsckEntry.Type.MKDIR) {
            j.field("mode", "0" + Integer.toOctalString(e.mode())).field("uid", Integer.toUnsignedLong(e.uid()))
                    .field("gid", Integer.toUnsignedLong(e.gid()));
        }
        switch (e.fmap()) {
            case Fmap.Simple s -> {
                j.name("extents");
                extentArray(j, s.extents());
            }
            case Fmap.Interleaved i -> {
                j.name("interleave").beginObject().field("nstrips", i.nstrips()).field("chunk_size", i.chunkSize())
                        .name("strips");
                extentArray(j, i.strips());
                j.endObject();
            }
            case null -> { }
        }
        j.field("valid", e.valid());
        if (e.problem() != null) {
            j.field("problem", e.problem());
        }
        j.endObject();
    }

    private static void extentArray(Json j, List<SimpleExtent> extents) {
        j.beginArray();
        for (SimpleExtent x : extents) {
            j.beginObject().field("devindex", x.devIndex()).field("offset", x.offset()).field("len", x.length())
                    .endObject();
        }
        j.endArray();
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
