package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U16;
import static io.jfamfs.fuse.kernel.Wire.U32;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code fuse_init_in} and {@code fuse_init_out}, both 64 bytes at 7.45. The kernel sends the init_in
 * it knows (older kernels send 16 bytes, without flags2), so decoding accepts a short body.
 * <pre>
 * init_in:  0 major | 4 minor | 8 max_readahead | 12 flags | 16 flags2 | 20 unused[11]
 * init_out: 0 major | 4 minor | 8 max_readahead | 12 flags | 16 max_background u16
 *           18 congestion_threshold u16 | 20 max_write | 24 time_gran | 28 max_pages u16
 *           30 map_alignment u16 | 32 flags2 | 36 max_stack_depth | 40 request_timeout u16 | 42 unused u16[11]
 * </pre>
 */
public final class Init {
    public static final StructLayout IN_LAYOUT = MemoryLayout.structLayout(U32.withName("major"),
            U32.withName("minor"), U32.withName("max_readahead"), U32.withName("flags"), U32.withName("flags2"),
            MemoryLayout.sequenceLayout(11, U32).withName("unused"));
    public static final StructLayout OUT_LAYOUT = MemoryLayout.structLayout(U32.withName("major"),
            U32.withName("minor"), U32.withName("max_readahead"), U32.withName("flags"),
            U16.withName("max_background"), U16.withName("congestion_threshold"), U32.withName("max_write"),
            U32.withName("time_gran"), U16.withName("max_pages"), U16.withName("map_alignment"),
            U32.withName("flags2"), U32.withName("max_stack_depth"), U16.withName("request_timeout"),
            MemoryLayout.sequenceLayout(11, U16).withName("unused"));
    static final long IN_FLAGS2_OFFSET = Wire.offset(IN_LAYOUT, "flags2");
    static final long OUT_MAX_BACKGROUND_OFFSET = Wire.offset(OUT_LAYOUT, "max_background"),
            OUT_CONGESTION_OFFSET = Wire.offset(OUT_LAYOUT, "congestion_threshold"),
            OUT_MAX_WRITE_OFFSET = Wire.offset(OUT_LAYOUT, "max_write"),
            OUT_TIME_GRAN_OFFSET = Wire.offset(OUT_LAYOUT, "time_gran"),
            OUT_MAX_PAGES_OFFSET = Wire.offset(OUT_LAYOUT, "max_pages"),
            OUT_FLAGS2_OFFSET = Wire.offset(OUT_LAYOUT, "flags2");
    /** Before 7.36 the kernel's init_in ends after {@code flags}. */
    private static final long IN_MIN_SIZE = 16;

    private Init() {
    }

    /** What the kernel offers: protocol version, readahead, and the 64-bit capability set. */
    public record In(int major, int minor, int maxReadahead, long flags) {
        /** Returns true when the kernel offers every bit of {@code mask}. */
        public boolean offers(long mask) {
            return (flags & mask) == mask;
        }
    }

    /** What the server answers; {@code flags} is 64-bit and split into flags/flags2 on the wire. */
    public record Out(int major, int minor, int maxReadahead, long flags, int maxBackground,
            int congestionThreshold, int maxWrite, int timeGran, int maxPages) {
    }

    /** Decodes an INIT body; {@code flags2} counts only when the kernel set {@code INIT_EXT}. */
    public static In decodeIn(MemorySegment body) throws WireException {
        Wire.requireLength(body, IN_MIN_SIZE, "fuse_init_in");
        long flags = Integer.toUnsignedLong(body.get(U32, Wire.offset(IN_LAYOUT, "flags")));
        if ((flags & InitFlags.INIT_EXT) != 0 && body.byteSize() >= IN_FLAGS2_OFFSET + 4) {
            flags |= Integer.toUnsignedLong(body.get(U32, IN_FLAGS2_OFFSET)) << 32;
        }
        return new In(body.get(U32, 0), body.get(U32, 4), body.get(U32, 8), flags);
    }

    /** Encodes {@code out} into a zeroed 64-byte {@code fuse_init_out}. */
    public static void encodeOut(MemorySegment dst, Out out) {
        dst.asSlice(0, OUT_LAYOUT.byteSize()).fill((byte) 0);
        dst.set(U32, 0, out.major());
        dst.set(U32, 4, out.minor());
        dst.set(U32, 8, out.maxReadahead());
        dst.set(U32, 12, (int) out.flags());
        dst.set(U16, OUT_MAX_BACKGROUND_OFFSET, (short) out.maxBackground());
        dst.set(U16, OUT_CONGESTION_OFFSET, (short) out.congestionThreshold());
        dst.set(U32, OUT_MAX_WRITE_OFFSET, out.maxWrite());
        dst.set(U32, OUT_TIME_GRAN_OFFSET, out.timeGran());
        dst.set(U16, OUT_MAX_PAGES_OFFSET, (short) out.maxPages());
        dst.set(U32, OUT_FLAGS2_OFFSET, (int) (out.flags() >>> 32));
    }
}
