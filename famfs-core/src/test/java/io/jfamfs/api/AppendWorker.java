package io.jfamfs.api;

import java.nio.file.Path;
import java.util.Random;

/**
 * A second "process" for {@link ConcurrentAppendTest}: opens the device as the master and creates
 * {@code count} files under directory {@code prefix}. Args: device, system uuid file, prefix, count, seed.
 */
public final class AppendWorker {
    private AppendWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path device = Path.of(args[0]);
        Path uuidFile = Path.of(args[1]);
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        Random random = new Random(Long.parseLong(args[4]));
        try (Famfs fs = Famfs.open(device, FamfsOptions.builder().systemUuidFile(uuidFile).build())) {
            fs.mkdir(prefix, 0755, 0, 0);
            System.out.println("started");
            System.out.flush();
            for (int i = 0; i < count; i++) {
                fs.create(prefix + "/f" + i, 1 + random.nextLong(3L << 20), 0644, 0, 0);
            }
        }
        System.out.println("done " + count);
    }
}
