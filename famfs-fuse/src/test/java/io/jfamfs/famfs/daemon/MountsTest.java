package io.jfamfs.famfs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountsTest {
    @Test
    void shouldParseAMountinfoLineWithOptionalFieldsAndEscapes() {
        var e = Mounts.parse("812 29 0:71 / /mnt/my\\040famfs rw,nosuid,nodev,relatime shared:421 - fuse.jfamfs "
                + "/dev/shm/dev\\0401 rw,user_id=0,group_id=0,default_permissions,allow_other").orElseThrow();
        assertThat(e.mountpoint()).isEqualTo(Path.of("/mnt/my famfs"));
        assertThat(e.fsType()).isEqualTo(Mounts.FS_TYPE);
        assertThat(e.source()).isEqualTo("/dev/shm/dev 1");
    }

    @Test
    void shouldIgnoreAMalformedLine() {
        assertThat(Mounts.parse("garbage")).isEmpty();
    }

    @Test
    void shouldLeaveAStrayBackslashAlone() {
        assertThat(Mounts.unescape("a\\b\\0401")).isEqualTo("a\\b 1");
    }
}
