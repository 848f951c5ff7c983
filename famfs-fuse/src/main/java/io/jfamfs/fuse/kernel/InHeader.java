package io.jfamfs.fuse.kernel;

import static io.jfamfs.fuse.kernel.Wire.U16;
import static io.jfamfs.fuse.kernel.Wire.U32;
import static io.jfamfs.fuse.kernel.Wire.U64;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct fuse_in_header} (40 bytes), the head of every request read from {@code /dev/fuse}.
 * <pre>
 *  0 len u32 | 4 opcode u32 | 8 unique u64 | 16 nodeid u64 | 24 uid u32 | 28 gid u32 | 32 pid u32
 * 36 total_extlen u16 (8-byte units of extensions at the end of the request) | 38 padding u16
 * </pre>
 */
public record InHeader(int len, int opcode, long unique, long nodeId, int uid, int gid, int pid, int extLength) {
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(U32.withName("len"),
            U32.withName("opcode"), U64.withName("unique"), U64.withName("nodeid"), U32.withName("uid"),
            U32.withName("gid"), U32.withName("pid"), U16.withName("total_extlen"), U16.withName("padding"));
    public static final long SIZE = LAYOUT.byteSize();
    static final long LEN_OFFSET = Wire.offset(LAYOUT, "len"), OPCODE_OFFSET = Wire.offset(LAYOUT, "opcode"),
            UNIQUE_OFFSET = Wire.offset(LAYOUT, "unique"), NODEID_OFFSET = Wire.offset(LAYOUT, "nodeid"),
            UID_OFFSET = Wire.offset(LAYOUT, "uid"), GID_OFFSET = Wire.offset(LAYOUT, "gid"),
            PID_OFFSET = Wire.offset(LAYOUT, "pid"), EXTLEN_OFFSET = Wire.offset(LAYOUT, "total_extlen");

    /**
     * Decodes the header of a request of {@code readCount} bytes, checking that {@code len} matches
     * what {@code read()} returned and that the extensions fit.
     */
    public static InHeader decode(MemorySegment message, long readCount) throws WireException {
        if (readCount < SIZE) {
            throw new WireException("request of " + readCount + " bytes is shorter than fuse_in_header");
        }
        int len = message.get(U32, LEN_OFFSET);
        if (Integer.toUnsignedLong(len) != readCount) {
            throw new WireException("fuse_in_header.len=%d but read returned %d".formatted(
                    Integer.toUnsignedLong(len), readCount));
        }
        int extLength = Short.toUnsignedInt(message.get(U16, EXTLEN_OFFSET)) * 8;
        if (SIZE + extLength > readCount) {
            throw new WireException("total_extlen %d bytes exceeds the request".formatted(extLength));
        }
        return new InHeader(len, message.get(U32, OPCODE_OFFSET), message.get(U64, UNIQUE_OFFSET),
                message.get(U64, NODEID_OFFSET), message.get(U32, UID_OFFSET), message.get(U32, GID_OFFSET),
                message.get(U32, PID_OFFSET), extLength);
    }

    /** Returns the request body: the bytes after the header, without trailing extensions. */
    public MemorySegment body(MemorySegment message) {
        return message.asSlice(SIZE, Integer.toUnsignedLong(len) - SIZE - extLength);
    }

    /** Returns the opcode, or {@code null} when unknown. */
    public Opcode op() {
        return Opcode.ofCode(opcode);
    }
}
