import io.jfamfs.sys.Posix;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guest-side probe: maps a devdax device through jfamfs's FFM mmap and exchanges a marker with the
 * other guest. Usage: DaxProbe DEVICE ROLE
 */
public class DaxProbe {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        String dev = a[0], role = a[1];
        String name = Path.of(dev).getFileName().toString();
        Path sys = Path.of("/sys/bus/dax/devices", name);
        long size = Long.parseLong(Files.readString(sys.resolve("size")).trim());
        long align = Long.parseLong(Files.readString(sys.resolve("align")).trim());
        int fd = Posix.open(dev, Posix.O_RDWR, 0);
        long len = 4L << 20;
        MemorySegment p = Posix.mmap(MemorySegment.NULL, len, Posix.PROT_READ | Posix.PROT_WRITE,
                Posix.MAP_SHARED, fd, size - len, dev).reinterpret(len);
        long slot = role.equals("A") ? 0 : 4096;
        p.setString(slot, "probe-from-" + role);
        System.out.printf("%s: size=%d align=%d mapped last 4 MiB; wrote probe-from-%s%n", dev, size, align, role);
        String other = role.equals("A") ? "B" : "A";
        long oslot = role.equals("A") ? 4096 : 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!p.getString(oslot).equals("probe-from-" + other) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String got = p.getString(oslot);
        Posix.munmap(p, len);
        Posix.closeQuietly(fd);
        System.out.printf("saw '%s' from %s; %.2f s%n", got, other, (System.nanoTime() - t0) / 1e9);
        System.exit(got.equals("probe-from-" + other) ? 0 : 1);
    }
}
