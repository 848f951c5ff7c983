/*
 * mkdirloop: N x mkdir in a fresh directory DIR/mk.PID, then (after SLEEP_MS, to let FUSE entry/attr
 * caches expire) N x stat of those directories. The metadata anchor for a file system that refuses
 * open(O_CREAT) (famfs files are created with a size, so membench meta stops at its create step).
 * usage: mkdirloop LABEL DIR N [SLEEP_MS]
 * prints "RESULT LABEL.mkdir_us V us/op" and "RESULT LABEL.stat_dir_us V us/op"
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: mkdirloop LABEL DIR N [SLEEP_MS]\n");
        return 2;
    }
    const char *label = argv[1];
    int n = atoi(argv[3]), sleep_ms = argc > 4 ? atoi(argv[4]) : 0;
    char base[4096], name[64];
    snprintf(base, sizeof base, "%s/mk.%d", argv[2], (int)getpid());
    if (mkdir(base, 0755)) { perror(base); return 1; }
    int fd = open(base, O_RDONLY | O_DIRECTORY);
    if (fd < 0) { perror(base); return 1; }
    double t0 = now();
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "d%07d", i);
        if (mkdirat(fd, name, 0755)) { perror("mkdir"); return 1; }
    }
    printf("RESULT %s.mkdir_us %.4f us/op\n", label, (now() - t0) / n * 1e6);
    fflush(stdout);
    if (sleep_ms > 0) usleep(sleep_ms * 1000);
    struct stat st;
    t0 = now();
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "d%07d", i);
        if (fstatat(fd, name, &st, 0)) { perror("stat"); return 1; }
    }
    printf("RESULT %s.stat_dir_us %.4f us/op\n", label, (now() - t0) / n * 1e6);
    close(fd);
    return 0;
}
