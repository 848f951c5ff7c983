package io.jfamfs.cli.pattern;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.lang.foreign.ValueLayout;

/**
 * The data pattern of {@code famfs creat -r -S SEED} and {@code famfs verify -S SEED}: the file is a
 * sequence of little-endian 64-bit words, word {@code i} (at byte {@code 8*i}) being the {@code i}-th
 * output of SplitMix64 seeded with {@code seed}:
 * <pre>
 *   z = seed + (i + 1) * 0x9E3779B97F4A7C15
 *   z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 *   z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 *   word(i) = z ^ (z >>> 31)
 * </pre>
 * A tail shorter than 8 bytes holds the low bytes of its word. Any word can be computed on its own, so
 * threads fill or verify disjoint ranges and a verify reports the first differing byte offset. The
 * reference uses its own generator; files written by one cannot be verified by the other.
 */
public final class Pattern {
    private static final ValueLayout.OfLong WORD = JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private Pattern() {
    }

    /** Returns word {@code index} of the pattern for {@code seed}. */
    public static long word(long seed, long index) {
        long z = seed + (index + 1) * GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Writes the pattern for file bytes [{@code fileOffset}, {@code fileOffset + target.byteSize()}) into
     * {@code target}; {@code fileOffset} must be a multiple of 8.
     */
    public static void fill(MemorySegment target, long seed, long fileOffset) {
        requireAligned(fileOffset);
        long n = target.byteSize();
        long words = n >>> 3;
        long first = fileOffset >>> 3;
        for (long w = 0; w < words; w++) {
            target.set(WORD, w << 3, word(seed, first + w));
        }
        long tail = n & 7;
        if (tail != 0) {
            long last = word(seed, first + words);
            for (int b = 0; b < tail; b++) {
                target.set(JAVA_BYTE, (words << 3) + b, (byte) (last >>> (8 * b)));
            }
        }
    }

    /**
     * Checks {@code data} against the pattern for file bytes starting at {@code fileOffset} (a multiple
     * of 8); returns the file offset of the first wrong byte, or -1 when all match.
     */
    public static long verify(MemorySegment data, long seed, long fileOffset) {
        requireAligned(fileOffset);
        long n = data.byteSize();
        long words = n >>> 3;
        long first = fileOffset >>> 3;
        for (long w = 0; w < words; w++) {
            long expected = word(seed, first + w);
            long actual = data.get(WORD, w << 3);
            if (actual != expected) {
                return fileOffset + (w << 3) + (Long.numberOfTrailingZeros(actual ^ expected) >>> 3);
            }
        }
        long tail = n & 7;
        if (tail != 0) {
            long last = word(seed, first + words);
            for (int b = 0; b < tail; b++) {
                if (data.get(JAVA_BYTE, (words << 3) + b) != (byte) (last >>> (8 * b))) {
                    return fileOffset + (words << 3) + b;
                }
            }
        }
        return -1;
    }

    private static void requireAligned(long fileOffset) {
        if ((fileOffset & 7) != 0) {
            throw new IllegalArgumentException("pattern offset must be a multiple of 8: " + fileOffset);
        }
    }
}
