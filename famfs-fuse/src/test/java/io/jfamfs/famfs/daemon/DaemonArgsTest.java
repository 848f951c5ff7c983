package io.jfamfs.famfs.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonArgsTest {
    @Test
    void shouldParseEveryOptionAndPrintItBack() {
        DaemonArgs a = DaemonArgs.parse("/dev/dax0.0", "/mnt/famfs", "--system-uuid-file", "/tmp/u", "--read-only",
                "--timeout", "2.5", "--cache", "never", "--debug", "--log", "/tmp/l.log", "--threads", "3", "-u", "-p");
        assertThat(a).isEqualTo(new DaemonArgs(Path.of("/dev/dax0.0"), Path.of("/mnt/famfs"), Optional.of(Path.of("/tmp/u")),
                true, Duration.ofMillis(2500), CacheMode.NEVER, true, Optional.of(Path.of("/tmp/l.log")), 3, false, false));
        assertThat(DaemonArgs.parse(a.toArgs().toArray(String[]::new))).isEqualTo(a);
    }

    @Test
    void shouldDefaultTheLogFileFromTheMountpoint() {
        DaemonArgs a = DaemonArgs.parse("/dev/dax0.0", "/mnt/famfs");
        assertThat(a.effectiveLogFile()).isEqualTo(Path.of("/var/log/jfamfs/mnt-famfs.log"));
        assertThat(a.cache()).isEqualTo(CacheMode.NORMAL);
        assertThat(a.allowOther()).isTrue();
        assertThat(a.defaultPermissions()).isTrue();
    }

    @Test
    void shouldRefuseMistakesWithUsage() {
        assertThatThrownBy(() -> DaemonArgs.parse("/dev/dax0.0")).hasMessageContaining("usage");
        assertThatThrownBy(() -> DaemonArgs.parse("a", "b", "--bogus")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> DaemonArgs.parse("a", "b", "--cache", "sometimes")).hasMessageContaining("always");
        assertThatThrownBy(() -> DaemonArgs.parse("a", "b", "--timeout")).hasMessageContaining("needs a value");
    }
}
