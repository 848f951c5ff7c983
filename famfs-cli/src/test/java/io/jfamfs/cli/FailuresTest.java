package io.jfamfs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    private final Failures failures = new Failures();

    @Test
    void shouldReturnTheErrnoCappedAt127() {
        assertThat(failures.getExitCode(new ErrnoException(Errno.EINVAL, "x"))).isEqualTo(22);
        assertThat(failures.getExitCode(new ErrnoException(Errno.EBUSY, "x"))).isEqualTo(16);
        assertThat(failures.getExitCode(new ErrnoException(Errno.ESTALE, "x"))).isEqualTo(116);
        assertThat(failures.getExitCode(new ErrnoException(200, "x"))).isEqualTo(127);
        assertThat(failures.getExitCode(new ErrnoException(-12, "x"))).isEqualTo(12);
    }

    @Test
    void shouldUseTheCodeOfACliExceptionAndOneForOtherFailures() {
        assertThat(failures.getExitCode(new CliException(9, "x"))).isEqualTo(9);
        assertThat(failures.getExitCode(new CliException(0, "x"))).isEqualTo(1);
        assertThat(failures.getExitCode(new CliException(1000, "x"))).isEqualTo(127);
        assertThat(failures.getExitCode(new IOException("x"))).isEqualTo(1);
        assertThat(failures.getExitCode(new NoSuchFileException("/x"))).isEqualTo(2);
        assertThat(failures.getExitCode(new IllegalArgumentException("x"))).isEqualTo(22);
        assertThat(failures.getExitCode(new NullPointerException())).isEqualTo(1);
    }

    @Test
    void shouldDescribeFailuresInOneLine() {
        assertThat(Failures.message(new NoSuchFileException("/x"))).isEqualTo("/x: No such file or directory");
        assertThat(Failures.message(new ErrnoException(Errno.EROFS, "client: metadata is read-only")))
                .isEqualTo("client: metadata is read-only");
        assertThat(Failures.message(new NullPointerException())).startsWith("NullPointerException");
    }
}
