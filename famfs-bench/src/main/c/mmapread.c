/*
 * mmapread: the C anchor for FamfsFile.map(): maps [OFFSET, OFFSET+LEN) of FILE (a famfs device)
 * MAP_SHARED and sums it as uint64, one cold pass then REPS warm passes.
 * usage: mmapread FILE OFFSET LEN REPS [LABEL]      (FILE "-": LEN bytes of anonymous memory with THP,
 *                                                    filled first: the memory-read anchor, same loop)
 * prints "RESULT LABEL.cold_GBps V GB/s", REPS x "RESULT LABEL.warm_GBps V GB/s" (the anchor harness's
 * line format; LABEL defaults to c.mmap), the same per CPU-second of the reading thread
 * (LABEL.cold_cpu_GBps, LABEL.warm_cpu_GBps) and "CHECKSUM LABEL HEX" (the sum, same as the Java reader's).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* CPU time of this thread (user + system, page faults included): robust against other load on the
 * machine, which only delays the reader without making its work slower (cache and memory-bus contention
 * still count). */
static double cpu(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static uint64_t sum(const uint64_t *p, size_t words) {
    uint64_t s = 0;
    for (size_t i = 0; i < words; i++) s += p[i];
    return s;
}

int main(int argc, char **argv) {
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: mmapread FILE OFFSET LEN REPS [LABEL]\n");
        return 2;
    }
    long long off = strtoll(argv[2], NULL, 0), len = strtoll(argv[3], NULL, 0);
    int reps = atoi(argv[4]);
    const char *label = argc > 5 ? argv[5] : "c.mmap";
    const uint64_t *p;
    if (strcmp(argv[1], "-") == 0) {
        /* memory anchor: anonymous memory (transparent huge pages asked for), filled, same loop */
        uint64_t *a = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (a == MAP_FAILED) { perror("mmap anonymous"); return 1; }
        madvise(a, len, MADV_HUGEPAGE);
        for (size_t i = 0; i < (size_t)len / 8; i++) a[i] = (i + 1) * 0x9E3779B97F4A7C15ull;
        p = a;
    } else {
        int fd = open(argv[1], O_RDONLY);
        if (fd < 0) { perror(argv[1]); return 1; }
        p = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, off);
        if (p == MAP_FAILED) { perror("mmap"); return 1; }
    }
    double t0 = now(), c0 = cpu();
    uint64_t first = sum(p, len / 8);
    double c1 = cpu(), t1 = now();
    printf("RESULT %s.cold_GBps %.4f GB/s\n", label, len / (t1 - t0) / 1e9);
    printf("RESULT %s.cold_cpu_GBps %.4f GB/cpu-s\n", label, len / (c1 - c0) / 1e9);
    for (int r = 0; r < reps; r++) {
        t0 = now();
        c0 = cpu();
        uint64_t s = sum(p, len / 8);
        c1 = cpu();
        t1 = now();
        printf("RESULT %s.warm_GBps %.4f GB/s\n", label, len / (t1 - t0) / 1e9);
        printf("RESULT %s.warm_cpu_GBps %.4f GB/cpu-s\n", label, len / (c1 - c0) / 1e9);
        if (s != first) fprintf(stderr, "checksum mismatch\n");
    }
    printf("CHECKSUM %s %llx\n", label, (unsigned long long)first);
    return 0;
}
