/*
 * mmapread: the C anchor for FamfsFile.map(): maps [OFFSET, OFFSET+LEN) of FILE (a famfs device)
 * MAP_SHARED and sums it as uint64, one cold pass then REPS warm passes.
 * usage: mmapread FILE OFFSET LEN REPS     prints "RESULT c.mmap <cold|warm> GB/s" lines and a CHECKSUM
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static uint64_t sum(const uint64_t *p, size_t words) {
    uint64_t s = 0;
    for (size_t i = 0; i < words; i++) s += p[i];
    return s;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: mmapread FILE OFFSET LEN REPS\n");
        return 2;
    }
    long long off = strtoll(argv[2], NULL, 0), len = strtoll(argv[3], NULL, 0);
    int reps = atoi(argv[4]);
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) { perror(argv[1]); return 1; }
    const uint64_t *p = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, off);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    double t0 = now();
    uint64_t first = sum(p, len / 8);
    printf("RESULT c.mmap cold %.3f GB/s\n", len / (now() - t0) / 1e9);
    for (int r = 0; r < reps; r++) {
        t0 = now();
        uint64_t s = sum(p, len / 8);
        printf("RESULT c.mmap warm %.3f GB/s\n", len / (now() - t0) / 1e9);
        if (s != first) fprintf(stderr, "checksum mismatch\n");
    }
    printf("CHECKSUM c.mmap %llx\n", (unsigned long long)first);
    return 0;
}
