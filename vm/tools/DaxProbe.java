import io.jfamfs.device.DaxDevice;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * Guest-side probe: opens /dev/daxX.Y with jfamfs's own DaxDevice (size and alignment from sysfs,
 * FFM mmap of the whole device), writes a marker near the end and waits for the other guest's.
 * Usage: DaxProbe DEVICE ROLE
 */
public class DaxProbe {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        String role = a[1];
        try (DaxDevice dev = DaxDevice.open(Path.of(a[0]), DaxDevice.Access.READ_WRITE)) {
            MemorySegment seg = dev.segment();
            System.out.printf("%s: kind=%s size=%d align=%d segment=%d bytes%n", dev.path(), dev.kind(), dev.size(),
                    dev.alignment(), seg.byteSize());
            long base = dev.size() - (2L << 20);   // the last 2 MiB: far from anything famfs writes
            long mine = base + (role.equals("A") ? 0 : 4096);
            long theirs = base + (role.equals("A") ? 4096 : 0);
            seg.setString(mine, "probe-from-" + role);
            dev.flush(base, 2L << 20);
            String other = role.equals("A") ? "B" : "A";
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!seg.getString(theirs).equals("probe-from-" + other) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String got = seg.getString(theirs);
            System.out.printf("saw '%s' from %s; %.2f s%n", got, other, (System.nanoTime() - t0) / 1e9);
            System.exit(got.equals("probe-from-" + other) ? 0 : 1);
        }
    }
}
