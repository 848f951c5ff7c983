package io.jfamfs.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlibcRandTest {
    @Test
    void shouldMatchGlibcsFirstValuesForSeedOne() {
        GlibcRand r = new GlibcRand(1); // printf("%d", rand()) after srand(1) on glibc
        assertThat(new int[] {r.rand(), r.rand(), r.rand()}).containsExactly(1804289383, 846930886, 1681692777);
    }
}
