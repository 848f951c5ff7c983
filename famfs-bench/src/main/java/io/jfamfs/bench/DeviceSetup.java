package io.jfamfs.bench;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.device.EmulatedDevices;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Prepares the device the FUSE benchmarks mount: an emulated device, a system uuid file that makes
 * this machine its master, a log big enough for the harness's metadata rounds, and a file {@code data}
 * filled from the harness's pattern file through {@link FamfsFile#map()}.
 */
final class DeviceSetup {
    private DeviceSetup() {
    }

    /** device-setup DEVICE DEVICE_MIB LOG_MIB FILE_MIB DATAFILE UUIDFILE */
    static void run(String[] a) throws Exception {
        Path dev = Path.of(a[0]);
        long devSize = Long.parseLong(a[1]) << 20;
        long logLength = Long.parseLong(a[2]) << 20;
        long fileSize = Long.parseLong(a[3]) << 20;
        Path data = Path.of(a[4]);
        Path uuidFile = Path.of(a[5]);
        Files.writeString(uuidFile, MapRead.BENCH_UUID + "\n", StandardCharsets.US_ASCII);
        EmulatedDevices.create(dev, devSize, true);
        Famfs.format(dev, FormatOptions.defaults().withForce(true).withSystemUuidFile(uuidFile).withLogLength(logLength));
        long t0 = System.nanoTime();
        try (Famfs fs = Famfs.open(dev, FamfsOptions.builder().systemUuidFile(uuidFile).build());
             FileChannel ch = FileChannel.open(data, StandardOpenOption.READ);
             Arena arena = Arena.ofConfined()) {
            FamfsFile f = fs.create("data", fileSize);
            MemorySegment dst = f.map();
            long n = Math.min(fileSize, ch.size());
            MemorySegment src = ch.map(FileChannel.MapMode.READ_ONLY, 0, n, arena);
            MemorySegment.copy(src, 0, dst, 0, n);
            Out.info("device %s: %d MiB, log %d MiB, data %d MiB (%d MiB copied from %s) in %.0f ms", dev, devSize >> 20,
                    logLength >> 20, fileSize >> 20, n >> 20, data, (System.nanoTime() - t0) / 1e6);
        }
    }
}
