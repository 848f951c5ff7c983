import io.jfamfs.alloc.Geometry;
import io.jfamfs.log.FsckReport;
import io.jfamfs.log.MetadataLog;
import io.jfamfs.log.ProcessLock;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import io.jfamfs.omf.Fmap;
import io.jfamfs.omf.SimpleExtent;
import io.jfamfs.omf.Superblock;
import io.jfamfs.omf.SuperblockView;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The host as a third "host": maps the guests' NVDIMM backing file at the devdax data offset (so
 * segment byte 0 = /dev/dax0.0 byte 0 in the guests), validates the superblock, replays the log with
 * jfamfs's own codecs, runs fsck, writes the listing, and compares file data with the sources that
 * guest A copied in. Prints PASS:/FAIL: lines.
 *
 * <p>Usage: HostCheck BACKING OFFSET EXPECTED_MASTER_UUID SRC_DIR SRC_PREFIX LISTING_OUT [SUMS]
 * (SUMS: {@code sha256sum} lines of the files as a guest read them through its FUSE mount).
 */
public class HostCheck {
    static int fails;

    static void check(boolean ok, String what) {
        System.out.println((ok ? "PASS: host: " : "FAIL: host: ") + what);
        if (!ok) {
            fails++;
        }
    }

    public static void main(String[] a) throws Exception {
        Path backing = Path.of(a[0]);
        long offset = Long.parseLong(a[1]);
        UUID master = UUID.fromString(a[2]);
        Path src = Path.of(a[3]);
        String prefix = a[4];
        Path listing = Path.of(a[5]);
        try (FileChannel ch = FileChannel.open(backing, StandardOpenOption.READ); Arena arena = Arena.ofShared()) {
            long len = ch.size() - offset;
            MemorySegment dev = ch.map(FileChannel.MapMode.READ_ONLY, offset, len, arena);
            Superblock sb = new SuperblockView(dev).validate();
            System.out.printf("superblock: magic 0x%x version %d omf %d.%d log %d@0x%x device %s size %d daxdev '%s'%n",
                    sb.magic(), sb.version(), sb.omfMajor(), sb.omfMinor(), sb.logLength(), sb.logOffset(),
                    sb.fsUuid(), sb.deviceSize(), sb.daxdevName());
            check(sb.crcOk(), "superblock valid (magic, version, CRC) at backing offset " + offset);
            check(sb.daxdevName().equals("/dev/dax0.0"), "superblock names the daxdev '/dev/dax0.0' (got '"
                    + sb.daxdevName() + "')");
            check(sb.deviceSize() == len, "superblock device size " + sb.deviceSize() + " = dax0.0 size " + len);
            check(sb.systemUuid().equals(master), "superblock owner is guest A (" + sb.systemUuid() + ")");
            Geometry g = Geometry.of(sb.deviceSize(), sb.allocUnit(), sb.logLength());
            MetadataLog log = MetadataLog.open(dev, sb, g, (o, l) -> {
            }, ProcessLock.none(), "the host check is read-only", new Random(1));
            FsckReport r = log.fsck();
            System.out.printf("log: %d entries, %d files, %d directories, %d bytes allocated, %d problems%n",
                    r.entries().size(), r.files(), r.directories(), r.allocatedBytes(), r.errors().size());
            r.errors().forEach(p -> System.out.println("  problem: " + p));
            check(r.clean(), "fsck of the log from the host is clean");
            check(log.problems().isEmpty(), "replay on the host rejects nothing");
            List<String> lines = new ArrayList<>();
            List<FileNode> files = new ArrayList<>();
            walk(log.namespace().root(), lines, files);
            lines.sort(null);
            Files.write(listing, lines);
            System.out.println("namespace: " + lines.size() + " entries (" + listing + ")");
            int compared = 0;
            for (FileNode f : files) {
                if (!f.relpath().startsWith(prefix)) {
                    continue;
                }
                Path s = src.resolve(f.relpath().substring(prefix.length()));
                if (!Files.isRegularFile(s)) {
                    continue;
                }
                byte[] want = Files.readAllBytes(s);
                byte[] got = read(dev, f);
                check(java.util.Arrays.equals(want, got), "data of " + f.relpath() + " (" + f.size()
                        + " bytes) read from the backing file equals " + s.getFileName());
                compared++;
            }
            check(compared > 0, compared + " copied files compared with their sources");
            if (a.length > 6 && Files.exists(Path.of(a[6]))) {
                List<String> sums = Files.readAllLines(Path.of(a[6]));
                int same = 0;
                List<String> differ = new ArrayList<>();
                for (String line : sums) {
                    String[] w = line.trim().split("\\s+", 2);
                    if (w.length < 2) {
                        continue;
                    }
                    var node = log.namespace().find(w[1]);
                    String mine = node.isPresent() && node.get() instanceof FileNode f ? sha256(read(dev, f)) : "missing";
                    if (mine.equals(w[0])) {
                        same++;
                    } else {
                        differ.add(w[1]);
                    }
                }
                check(differ.isEmpty() && same == files.size(), "all " + same + " files (simple and interleaved) read "
                        + "through B's FUSE mount equal the host's read of the device" + (differ.isEmpty() ? ""
                        : "; differ: " + differ) + (same == files.size() ? "" : "; B summed " + sums.size()
                        + " of " + files.size()));
            }
        }
        System.exit(fails == 0 ? 0 : 1);
    }

    static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    static void walk(DirNode dir, List<String> lines, List<FileNode> files) {
        for (Node n : dir.children()) {
            if (n instanceof DirNode d) {
                lines.add("D " + d.relpath() + " " + Integer.toOctalString(d.mode() & 07777));
                walk(d, lines, files);
            } else if (n instanceof FileNode f) {
                lines.add("F " + f.relpath() + " " + f.size() + " " + Integer.toOctalString(f.mode() & 07777));
                files.add(f);
            }
        }
    }

    /** The file's bytes through its fmap, straight from the mapped device. */
    static byte[] read(MemorySegment dev, FileNode f) {
        byte[] out = new byte[Math.toIntExact(f.size())];
        long pos = 0;
        if (f.fmap() instanceof Fmap.Simple s) {
            for (SimpleExtent e : s.extents()) {
                long n = Math.min(e.length(), f.size() - pos);
                if (n <= 0) {
                    break;
                }
                MemorySegment.copy(dev, java.lang.foreign.ValueLayout.JAVA_BYTE, e.offset(), out, (int) pos, (int) n);
                pos += n;
            }
        } else if (f.fmap() instanceof Fmap.Interleaved il) {
            long chunk = il.chunkSize();
            int ns = il.strips().size();
            for (long k = 0; pos < f.size(); k++) {
                SimpleExtent strip = il.strips().get((int) (k % ns));
                long off = strip.offset() + (k / ns) * chunk;
                long n = Math.min(chunk, f.size() - pos);
                MemorySegment.copy(dev, java.lang.foreign.ValueLayout.JAVA_BYTE, off, out, (int) pos, (int) n);
                pos += n;
            }
        }
        return out;
    }
}
