import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * The jfamfs Java API in one file: create a 1 GiB file on a famfs device, fill it through its
 * MemorySegment (the device memory itself: no copy, no page cache), and read it back through a
 * second, independent Famfs opened on the same device, as another process or host would.
 *
 * Run (as the master of DEVICE, e.g. after `mkfs.famfs`):
 *   java --enable-native-access=ALL-UNNAMED -cp famfs-cli/target/jfamfs.jar examples/QuickStart.java DEVICE
 */
public class QuickStart {
    public static void main(String[] args) throws Exception {
        Path device = Path.of(args.length > 0 ? args[0] : "/dev/shm/famfs0");
        String name = args.length > 1 ? args[1] : "quickstart/matrix.bin";
        long size = 1L << 30;

        try (Famfs fs = Famfs.open(device)) {                          // role from /opt/famfs/system_uuid
            fs.mkdirs(name.substring(0, name.lastIndexOf('/')), 0755, 0, 0);
            FamfsFile file = fs.create(name, size, 0644, 0, 0);       // logged on the device; master only
            MemorySegment data = file.map();                           // one segment, whatever the extents
            long t0 = System.nanoTime();
            for (long i = 0; i < size / 8; i++) {
                data.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, i * 0x9E3779B97F4A7C15L);
            }
            System.out.printf("wrote  %s: %d MiB in %d ms through the mapped device%n",
                    name, size >> 20, (System.nanoTime() - t0) / 1_000_000);
        }

        try (Famfs other = Famfs.open(device)) {                       // a second, independent view
            FamfsFile file = other.file(name).orElseThrow();
            MemorySegment data = file.map();
            long t0 = System.nanoTime();
            long bad = 0;
            for (long i = 0; i < size / 8; i++) {
                if (data.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i) != i * 0x9E3779B97F4A7C15L) {
                    bad++;
                }
            }
            System.out.printf("read   %s back from a second Famfs: %d MiB in %d ms, %s%n", name, size >> 20,
                    (System.nanoTime() - t0) / 1_000_000, bad == 0 ? "every word matches" : bad + " words DIFFER");
            System.out.println("layout " + file.fmap());
            if (bad != 0) {
                System.exit(1);
            }
        }
    }
}
