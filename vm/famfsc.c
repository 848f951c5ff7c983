/*
 * famfsc - client of the famfs-vm guest's resident CLI JVM (vm/tools/CliServer.java).
 * A JVM start costs seconds in a TCG guest; the scenario scripts send each famfs command to one
 * long-lived JVM that runs io.jfamfs.cli.Main.run in-process instead.
 *
 *   famfsc SOCKET PROG [ARG...]     exit status = the command's
 *
 * Request: PROG\0ARG1\0...ARGN\0, then a half-close. Reply frames: one tag byte ('O' stdout,
 * 'E' stderr, 'X' exit), a little-endian u32 (length, or the exit status for 'X'), the bytes.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int read_full(int fd, void *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, (char *)buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		got += r;
	}
	return 0;
}

static int write_full(int fd, const void *buf, size_t n)
{
	size_t put = 0;
	while (put < n) {
		ssize_t w = write(fd, (const char *)buf + put, n - put);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		put += w;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: famfsc SOCKET PROG [ARG...]\n");
		return 2;
	}
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	strncpy(sa.sun_path, argv[1], sizeof(sa.sun_path) - 1);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		fprintf(stderr, "famfsc: %s: %s\n", argv[1], strerror(errno));
		return 125;
	}
	for (int i = 2; i < argc; i++)
		if (write_full(fd, argv[i], strlen(argv[i]) + 1) < 0) {
			perror("famfsc: write");
			return 125;
		}
	shutdown(fd, SHUT_WR);
	static char buf[65536];
	for (;;) {
		unsigned char h[5];
		if (read_full(fd, h, 5) < 0) {
			fprintf(stderr, "famfsc: server closed the connection without an exit status\n");
			return 125;
		}
		uint32_t n = h[1] | h[2] << 8 | h[3] << 16 | (uint32_t)h[4] << 24;
		if (h[0] == 'X')
			return (int)n;
		while (n > 0) {
			size_t k = n < sizeof(buf) ? n : sizeof(buf);
			if (read_full(fd, buf, k) < 0)
				return 125;
			write_full(h[0] == 'E' ? 2 : 1, buf, k);
			n -= k;
		}
	}
}
