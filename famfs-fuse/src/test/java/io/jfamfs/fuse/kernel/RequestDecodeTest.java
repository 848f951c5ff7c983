package io.jfamfs.fuse.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Decodes byte images of requests as this machine's kernel (6.18, protocol 7.45) sends them. */
class RequestDecodeTest {
    /** The INIT request measured on this machine: 104 bytes, offered flags 0x000005fd73fffffb. */
    static final String INIT_7_45 = """
            68000000 1a000000   # len=104 opcode=26 INIT
            02000000 00000000   # unique=2
            00000000 00000000   # nodeid=0
            00000000 00000000   # uid=0 gid=0
            00000000 0000 0000  # pid=0 total_extlen=0 padding
            07000000 2d000000   # major=7 minor=45
            00000200 fbffff73   # max_readahead=131072 flags=0x73fffffb
            fd050000            # flags2=0x000005fd (byte 56 of the message)
            00000000 00000000 00000000 00000000 00000000 00000000   # unused[11]
            00000000 00000000 00000000 00000000 00000000
            """;

    @Test
    void shouldDecodeTheMeasuredInitRequest() throws Exception {
        MemorySegment m = Hex.segment(INIT_7_45);
        assertThat(m.byteSize()).isEqualTo(104);
        InHeader h = InHeader.decode(m, 104);
        assertThat(h.op()).isEqualTo(Opcode.INIT);
        assertThat(h.unique()).isEqualTo(2);
        Init.In in = Init.decodeIn(h.body(m));
        assertThat(in.major()).isEqualTo(7);
        assertThat(in.minor()).isEqualTo(45);
        assertThat(in.maxReadahead()).isEqualTo(131072);
        assertThat(in.flags()).isEqualTo(0x000005fd73fffffbL);
        assertThat(in.offers(InitFlags.DIRECT_IO_ALLOW_MMAP | InitFlags.MAX_PAGES | InitFlags.INIT_EXT)).isTrue();
        assertThat(in.offers(InitFlags.DAX_FMAP)).isFalse();
        assertThat(InitFlags.names(in.flags())).contains("PARALLEL_DIROPS", "HAS_RESEND").doesNotContain("FILE_OPS");
    }

    @Test
    void shouldDecodeLookupWithItsName() throws Exception {
        MemorySegment m = Hex.segment("""
                30000000 01000000   # len=48 opcode=LOOKUP
                07000000 00000000   # unique=7
                01000000 00000000   # nodeid=1 (root)
                e8030000 e8030000   # uid=1000 gid=1000
                39300000 00000000   # pid=12345, extlen, padding
                666f6f2e 74787400   # "foo.txt" NUL
                """);
        InHeader h = InHeader.decode(m, 48);
        assertThat(h).isEqualTo(new InHeader(48, 1, 7, 1, 1000, 1000, 12345, 0));
        Wire.Name name = Wire.name(h.body(m), 0, "lookup");
        assertThat(name.value()).isEqualTo("foo.txt");
        assertThat(name.next()).isEqualTo(8);
    }

    @Test
    void shouldRejectANameWithoutNul() {
        MemorySegment m = Hex.segment("""
                30000000 01000000 07000000 00000000 01000000 00000000 00000000 00000000 00000000 00000000
                666f6f2e 74787421   # "foo.txt!" and no NUL
                """);
        assertThatThrownBy(() -> Wire.name(InHeader.decode(m, 48).body(m), 0, "lookup"))
                .isInstanceOf(WireException.class).hasMessageContaining("NUL");
    }

    @Test
    void shouldRejectAnEmptyNameOrOneWithASlash() throws Exception {
        assertThatThrownBy(() -> Wire.name(Hex.segment("00"), 0, "lookup")).isInstanceOf(WireException.class);
        assertThatThrownBy(() -> Wire.name(Hex.segment("612f6200"), 0, "lookup")) // "a/b"
                .isInstanceOf(WireException.class).hasMessageContaining("a/b");
        assertThat(Wire.cstring(Hex.segment("612f6200"), 0, "symlink").value()).isEqualTo("a/b");
    }

    @Test
    void shouldRejectAHeaderWhoseLengthDisagreesWithRead() {
        MemorySegment m = Hex.segment("""
                31000000 01000000 07000000 00000000 01000000 00000000 00000000 00000000 00000000 00000000
                666f6f00 00000000
                """);
        assertThatThrownBy(() -> InHeader.decode(m, 48)).isInstanceOf(WireException.class);
    }

    @Test
    void shouldDecodeGetattrWithFileHandle() throws Exception {
        MemorySegment m = Hex.segment("""
                38000000 03000000 09000000 00000000 05000000 00000000  # len=56 GETATTR unique=9 nodeid=5
                00000000 00000000 00000000 00000000                    # uid gid pid extlen
                01000000 00000000   # getattr_flags=GETATTR_FH dummy
                2a000000 00000000   # fh=42
                """);
        InHeader h = InHeader.decode(m, 56);
        Requests.GetattrIn g = Requests.GetattrIn.decode(h.body(m));
        assertThat(g).isEqualTo(new Requests.GetattrIn(1, 42));
    }

    @Test
    void shouldDecodeAOneMebibyteRead() throws Exception {
        MemorySegment m = Hex.segment("""
                50000000 0f000000 0b000000 00000000 05000000 00000000  # len=80 READ unique=11 nodeid=5
                00000000 00000000 00000000 00000000
                2a000000 00000000   # fh=42
                00001000 00000000   # offset=1 MiB
                00001000 00000000   # size=1 MiB read_flags=0
                00000000 00000000   # lock_owner
                00800000 00000000   # flags=O_LARGEFILE padding
                """);
        Requests.ReadIn r = Requests.ReadIn.decode(InHeader.decode(m, 80).body(m));
        assertThat(r).isEqualTo(new Requests.ReadIn(42, 1 << 20, 1 << 20, 0, 0, 0x8000));
    }

    @Test
    void shouldDecodeAWriteAndSliceItsData() throws Exception {
        MemorySegment m = Hex.segment("""
                54000000 10000000 0d000000 00000000 05000000 00000000  # len=84 WRITE unique=13 nodeid=5
                00000000 00000000 00000000 00000000
                2a000000 00000000   # fh=42
                00100000 00000000   # offset=4096
                04000000 00000000   # size=4 write_flags=0
                00000000 00000000   # lock_owner
                02000000 00000000   # flags=O_RDWR
                41424344            # "ABCD"
                """);
        MemorySegment body = InHeader.decode(m, 84).body(m);
        Requests.WriteIn w = Requests.WriteIn.decode(body);
        assertThat(w.offset()).isEqualTo(4096);
        assertThat(new String(w.data(body).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE))).isEqualTo("ABCD");
    }

    @Test
    void shouldRejectAWriteWhoseDataIsShorterThanItsSize() {
        MemorySegment m = Hex.segment("""
                54000000 10000000 0d000000 00000000 05000000 00000000
                00000000 00000000 00000000 00000000
                2a000000 00000000 00100000 00000000
                05000000 00000000   # size=5 but only 4 data bytes follow
                00000000 00000000 02000000 00000000
                41424344
                """);
        assertThatThrownBy(() -> Requests.WriteIn.decode(InHeader.decode(m, 84).body(m)))
                .isInstanceOf(WireException.class);
    }

    @Test
    void shouldDecodeABatchForget() throws Exception {
        MemorySegment body = Hex.segment("""
                02000000 00000000   # count=2
                05000000 00000000 01000000 00000000   # node 5, nlookup 1
                06000000 00000000 03000000 00000000   # node 6, nlookup 3
                """);
        assertThat(Requests.Forget.decodeBatch(body)).containsExactly(new Requests.Forget(5, 1),
                new Requests.Forget(6, 3));
    }
}
