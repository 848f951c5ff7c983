package io.jfamfs.testing;

import io.jfamfs.device.DaxDevice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The golden devices written by the reference famfs library ({@code src/test/resources/omf}): each
 * image is device bytes [0, 2 MiB + log_len), each manifest lists every field the reference wrote.
 * Images are gunzipped once per JVM and handed out read-only; take {@link #imageCopy} to write.
 */
public final class GoldenImages {
    /** Every image name, smallest log first. */
    public static final List<String> NAMES = List.of("empty", "empty-log16m", "basic", "interleave", "paths",
            "logfull");

    private static final Map<String, byte[]> IMAGES = new ConcurrentHashMap<>();
    private static final Map<String, Json> MANIFESTS = new ConcurrentHashMap<>();

    private GoldenImages() {
    }

    /** Returns the image {@code name} as a read-only heap segment. */
    public static MemorySegment image(String name) {
        return MemorySegment.ofArray(bytes(name)).asReadOnly();
    }

    /** Returns a private, writable copy of image {@code name}. */
    public static MemorySegment imageCopy(String name) {
        return MemorySegment.ofArray(bytes(name).clone());
    }

    /**
     * Returns an in-memory device of the image's full size ({@code mkfs_call.device_size}, e.g. 8 GiB of
     * lazily allocated anonymous memory) whose first bytes are the image: a golden device to mount.
     */
    public static DaxDevice device(String name) throws IOException {
        DaxDevice d = DaxDevice.inMemory("golden:" + name, manifest(name).get("mkfs_call").get("device_size").asLong());
        MemorySegment.copy(image(name), 0, d.segment(), 0, bytes(name).length);
        return d;
    }

    /** Returns the parsed manifest {@code name}.json. */
    public static Json manifest(String name) {
        return MANIFESTS.computeIfAbsent(name,
                n -> Json.parse(new String(read("/omf/" + n + ".json", false), StandardCharsets.UTF_8)));
    }

    /** Decodes a hex string such as a manifest's {@code raw_entry_hex}. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] bytes(String name) {
        return IMAGES.computeIfAbsent(name, n -> {
            byte[] b = read("/omf/" + n + ".img.gz", true);
            long expected = manifest(n).get("image_bytes").asLong();
            if (b.length != expected) {
                throw new IllegalStateException("image %s: %d bytes, manifest says %d".formatted(n, b.length,
                        expected));
            }
            return b;
        });
    }

    private static byte[] read(String resource, boolean gzip) {
        try (InputStream raw = GoldenImages.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
