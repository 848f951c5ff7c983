package io.jfamfs.famfs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code JFAMFS_MOUNT_TIMEOUT}: how long {@code famfs mount} waits for the daemon (slow guests). */
class MountLauncherTimeoutTest {
    @Test
    void defaultIsThirtySeconds() {
        assertThat(MountLauncher.startTimeout(null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MountLauncher.startTimeout("soon")).isEqualTo(Duration.ofSeconds(30));
        assertThat(MountLauncher.startTimeout("0")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void environmentValueInSeconds() {
        assertThat(MountLauncher.startTimeout("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(MountLauncher.startTimeout(" 45\n")).isEqualTo(Duration.ofSeconds(45));
    }
}
