package io.jfamfs.alloc;

import java.util.random.RandomGenerator;

/**
 * glibc's {@code srand}/{@code rand} (the TYPE_3 additive feedback generator), so that a test can
 * draw the same bucket order as the reference's {@code bucket_series_alloc}, which shuffles with
 * {@code rand() % (i + 1)}. {@link #nextInt(int)} is exactly that expression.
 */
public final class GlibcRand implements RandomGenerator {
    private final int[] r = new int[34];
    private int k;

    /** Seeds as {@code srand(seed)}. */
    public GlibcRand(int seed) {
        int[] init = new int[344];
        init[0] = seed == 0 ? 1 : seed;
        for (int i = 1; i < 31; i++) {
            long hi = init[i - 1] / 127773, lo = init[i - 1] % 127773;
            long word = 16807 * lo - 2836 * hi; // Schrage: 16807 * x mod (2^31 - 1) without overflow
            init[i] = (int) (word < 0 ? word + 2147483647 : word);
        }
        for (int i = 31; i < 34; i++) {
            init[i] = init[i - 31];
        }
        for (int i = 34; i < 344; i++) {
            init[i] = init[i - 31] + init[i - 3];
        }
        System.arraycopy(init, 344 - 34, r, 0, 34);
        k = 0;
    }

    /** Returns the next {@code rand()} value in [0, 2^31). */
    public int rand() {
        // r holds the last 34 outputs (before the shift) as a ring; o[n] = o[n-31] + o[n-3]
        int n = r[(k + 34 - 31) % 34] + r[(k + 34 - 3) % 34];
        r[k] = n;
        k = (k + 1) % 34;
        return n >>> 1;
    }

    @Override
    public int nextInt(int bound) {
        return rand() % bound;
    }

    @Override
    public long nextLong() {
        return ((long) rand() << 33) ^ ((long) rand() << 2) ^ rand();
    }
}
