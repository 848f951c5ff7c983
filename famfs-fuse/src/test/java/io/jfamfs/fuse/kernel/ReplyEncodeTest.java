package io.jfamfs.fuse.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Encodes replies and compares them with hand-annotated byte images. */
class ReplyEncodeTest {
    private final MemorySegment buf = Arena.ofAuto().allocate(4096);

    @Test
    void shouldEncodeTheInitReplyWithFlags2() {
        long flags = InitFlags.ASYNC_READ | InitFlags.PARALLEL_DIROPS | InitFlags.ABORT_ERROR | InitFlags.MAX_PAGES
                | InitFlags.INIT_EXT | InitFlags.DIRECT_IO_ALLOW_MMAP;
        Init.encodeOut(buf, new Init.Out(7, 45, 131072, flags, 64, 48, 1 << 20, 1, 256));
        assertThat(Hex.of(buf, 64)).isEqualTo(Hex.of(Hex.segment("""
                07000000 2d000000   # major=7 minor=45
                00000200 01006440   # max_readahead=128K flags=ASYNC_READ|PARALLEL_DIROPS|ABORT_ERROR|MAX_PAGES|INIT_EXT
                4000 3000           # max_background=64 congestion_threshold=48
                00001000 01000000   # max_write=1 MiB time_gran=1
                0001 0000           # max_pages=256 map_alignment=0
                10000000            # flags2=DIRECT_IO_ALLOW_MMAP (bit 36)
                00000000 0000       # max_stack_depth=0 request_timeout=0
                00000000000000000000000000000000000000000000   # unused[11]
                """), 64));
    }

    @Test
    void shouldEncodeAnEntryWithTimeoutsAndAttributes() {
        Attr attr = new Attr(5, 1234, 3, 100, 1, 200, 2, 300, 3, 0100644, 1, 1000, 1001, 0, 4096, 0);
        new EntryOut(5, 0, Duration.ofMillis(1500), Duration.ofSeconds(1), attr).encode(buf, 0);
        assertThat(Hex.of(buf, 128)).isEqualTo(Hex.of(Hex.segment("""
                05000000 00000000  00000000 00000000   # nodeid=5 generation=0
                01000000 00000000  01000000 00000000   # entry_valid=1 s attr_valid=1 s
                0065cd1d 00000000                      # entry_valid_nsec=500000000 attr_valid_nsec=0
                05000000 00000000  d2040000 00000000  03000000 00000000   # ino=5 size=1234 blocks=3
                64000000 00000000  c8000000 00000000  2c010000 00000000   # atime mtime ctime
                01000000 02000000  03000000 a4810000   # nsecs, mode=0100644
                01000000 e8030000  e9030000 00000000   # nlink=1 uid=1000 gid=1001 rdev=0
                00100000 00000000                      # blksize=4096 flags=0
                """), 128));
    }

    @Test
    void shouldPackDirentsPaddedToEightBytesAndStopWhenFull() {
        Dirents d = new Dirents(buf, 128, false);
        assertThat(d.add(1, 4, ".", 1, null)).isTrue();        // 24 + 1 -> 32
        assertThat(d.add(7, 8, "abcdefghi", 2, null)).isTrue(); // 24 + 9 -> 40
        assertThat(d.size()).isEqualTo(72);
        assertThat(d.add(8, 8, "abcdefghijklmnopqrstuvwxyzabcdefghijk", 3, null)).isFalse(); // 64 more: 136 > 128
    }

    @Test
    void shouldRefuseADirentBeyondTheLimit() {
        Dirents d = new Dirents(buf, 64, false);
        assertThat(d.add(1, 4, ".", 1, null)).isTrue();
        assertThat(d.add(7, 8, "abcdefghijklmnopq", 2, null)).isFalse(); // 24 + 17 -> 48: 80 > 64
        assertThat(d.size()).isEqualTo(32);
        assertThat(Hex.of(buf, 32)).isEqualTo(Hex.of(Hex.segment("""
                01000000 00000000  01000000 00000000   # ino=1 off=1
                01000000 04000000  2e000000 00000000   # namelen=1 type=DT_DIR "." padding
                """), 32));
    }

    @Test
    void shouldEncodeInvalidationNotifications() {
        long n = Notify.encodeInvalInode(buf, 9, 0, 0);
        assertThat(Hex.of(buf, n)).isEqualTo(Hex.of(Hex.segment("""
                28000000 02000000 00000000 00000000   # len=40 error=NOTIFY_INVAL_INODE unique=0
                09000000 00000000 00000000 00000000 00000000 00000000   # ino=9 off=0 len=0 (whole file)
                """), 40));
        n = Notify.encodeInvalEntry(buf, 1, "new", 0);
        assertThat(Hex.of(buf, n)).isEqualTo(Hex.of(Hex.segment("""
                24000000 03000000 00000000 00000000   # len=36 error=NOTIFY_INVAL_ENTRY unique=0
                01000000 00000000 03000000 00000000   # parent=1 namelen=3 flags=0
                6e657700                              # "new" NUL
                """), 36));
    }
}
