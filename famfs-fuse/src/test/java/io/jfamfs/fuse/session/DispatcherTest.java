package io.jfamfs.fuse.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfamfs.fuse.kernel.Attr;
import io.jfamfs.fuse.kernel.AttrOut;
import io.jfamfs.fuse.kernel.DaxFmap;
import io.jfamfs.fuse.kernel.Hex;
import io.jfamfs.fuse.kernel.InHeader;
import io.jfamfs.sys.Posix;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds annotated request bytes to the dispatcher with no kernel: the channel's fd is a plain file,
 * so the replies it writes can be read back and compared byte for byte.
 */
class DispatcherTest {
    @TempDir
    Path tmp;
    private Path replies;
    private Channel ch;

    private final FuseFileSystem fs = new FuseFileSystem() {
        @Override
        public AttrOut getattr(Request r, long nodeId, long fh) {
            return new AttrOut(Duration.ofSeconds(1), Attr.of(nodeId, Attr.S_IFDIR | 0755, 2, 0, 0, 0, 0));
        }

        @Override
        public void forget(long nodeId, long nlookup) {
            forgotten += nlookup;
        }

        @Override
        public void flush(Request r, long nodeId, long fh) {
            throw new IllegalStateException("boom");
        }

        @Override
        public DaxFmap getFmap(Request r, long nodeId) {
            return new DaxFmap(DaxFmap.FILE_REG, 1 << 20, new DaxFmap.Simple(List.of(new DaxFmap.Extent(0, 10 << 20, 2 << 20))));
        }

        @Override
        public String getDaxdev(Request r, int index) {
            return "/dev/dax0.0";
        }
    };
    private long forgotten;

    @BeforeEach
    void setUp() throws IOException {
        replies = tmp.resolve("replies");
        ch = new Channel(Posix.open(replies.toString(), Posix.O_RDWR | Posix.O_CREAT, 0600), 1 << 20);
    }

    @AfterEach
    void tearDown() {
        Posix.closeQuietly(ch.fd);
        ch.close();
    }

    private String dispatch(String annotated) throws Exception {
        MemorySegment req = Hex.segment(annotated);
        MemorySegment.copy(req, 0, ch.buffer, 0, req.byteSize());
        long before = Files.size(replies);
        new Dispatcher(fs).dispatch(ch, InHeader.decode(ch.buffer, req.byteSize()));
        byte[] all = Files.readAllBytes(replies);
        return HexFormat.of().formatHex(all, (int) before, all.length);
    }

    @Test
    void shouldAnswerAnUnknownOpcodeWithEnosys() throws Exception {
        assertThat(dispatch("""
                28000000 63000000 05000000 00000000 01000000 00000000   # len=40 opcode=99 unique=5
                00000000 00000000 00000000 00000000
                """)).isEqualTo("10000000" + "daffffff" + "0500000000000000"); // len=16 error=-38 unique=5
    }

    @Test
    void shouldAnswerAnUnimplementedOperationWithEnosys() throws Exception {
        assertThat(dispatch("""
                2e000000 01000000 06000000 00000000 01000000 00000000   # LOOKUP unique=6
                00000000 00000000 00000000 00000000
                666f6f00 0000                                           # "foo"
                """).substring(0, 16)).isEqualTo("10000000" + "daffffff");
    }

    @Test
    void shouldNotReplyToForget() throws Exception {
        assertThat(dispatch("""
                30000000 02000000 07000000 00000000 09000000 00000000   # FORGET unique=7 nodeid=9
                00000000 00000000 00000000 00000000
                03000000 00000000                                       # nlookup=3
                """)).isEmpty();
        assertThat(forgotten).isEqualTo(3);
    }

    @Test
    void shouldTurnAHandlerExceptionIntoEio() throws Exception {
        assertThat(dispatch("""
                40000000 19000000 08000000 00000000 09000000 00000000   # FLUSH unique=8
                00000000 00000000 00000000 00000000
                00000000 00000000 00000000 00000000 00000000 00000000   # fuse_flush_in
                """)).isEqualTo("10000000" + "fbffffff" + "0800000000000000"); // error=-5
    }

    @Test
    void shouldAnswerAMalformedRequestWithEinval() throws Exception {
        assertThat(dispatch("""
                2c000000 01000000 09000000 00000000 01000000 00000000   # LOOKUP unique=9
                00000000 00000000 00000000 00000000
                666f6f21                                                # "foo!" without NUL
                """)).isEqualTo("10000000" + "eaffffff" + "0900000000000000"); // error=-22
    }

    @Test
    void shouldAnswerGetattrWithAFullAttrOut() throws Exception {
        String out = dispatch("""
                38000000 03000000 0a000000 00000000 01000000 00000000   # GETATTR unique=10 nodeid=1
                00000000 00000000 00000000 00000000
                00000000 00000000 00000000 00000000                     # fuse_getattr_in
                """);
        assertThat(out.length()).isEqualTo(2 * (16 + 104));
        assertThat(out.substring(0, 32)).isEqualTo("78000000" + "00000000" + "0a00000000000000"); // len=120
    }

    /** A famfs kernel's GET_FMAP (54): the fmap of golden file "file0" comes back after the header. */
    @Test
    void shouldAnswerGetFmapWithTheEncodedMap() throws Exception {
        assertThat(dispatch("""
                30000000 36000000 0b000000 00000000 05000000 00000000   # len=48 GET_FMAP unique=11 nodeid=5
                00000000 00000000 00000000 00000000
                00100000 00000000                                       # fuse_getxattr_in size=4096
                """)).isEqualTo("48000000" + "00000000" + "0b00000000000000" // len=72
                + "000001000000000001000000000000000000100000000000000000000000000000000000000000000000a000000000000000200000000000");
    }

    @Test
    void shouldAnswerGetDaxdevWithTheDeviceName() throws Exception {
        String out = dispatch("""
                2c000000 37000000 0c000000 00000000 01000000 00000000   # len=44 GET_DAXDEV unique=12
                00000000 00000000 00000000 00000000
                00000000                                                # daxdev_num=0
                """);
        assertThat(out).hasSize(2 * (16 + 280)).startsWith("28010000" + "00000000" + "0c00000000000000");
        assertThat(out.substring(2 * (16 + 24), 2 * (16 + 24 + 11))).isEqualTo(HexFormat.of().formatHex(
                "/dev/dax0.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
