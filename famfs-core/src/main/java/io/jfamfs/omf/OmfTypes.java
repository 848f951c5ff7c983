package io.jfamfs.omf;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The primitive on-media types: little-endian u64/u32 read unaligned (a log entry slot is only
 * 8-aligned relative to the device, and heap test segments are not aligned at all), {@code uuid_le}
 * as 16 bytes in textual order, and the zlib CRC-32 the reference uses for all three checksums.
 */
final class OmfTypes {
    /** {@code u64}, {@code size_t}, {@code unsigned long}. */
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** {@code u32}, {@code uid_t}, {@code gid_t}, {@code mode_t}. */
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** A uuid half: the reference copies libuuid bytes verbatim, which is RFC 4122 (big-endian) order. */
    private static final ValueLayout.OfLong UUID_HALF = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private OmfTypes() {
    }

    static MemoryLayout u64(String name) {
        return U64.withName(name);
    }

    static MemoryLayout u32(String name) {
        return U32.withName(name);
    }

    /** {@code uuid_le}: 16 bytes; despite the name nothing is byte-swapped. */
    static MemoryLayout uuid(String name) {
        return bytes(16, name);
    }

    static MemoryLayout bytes(long count, String name) {
        return MemoryLayout.sequenceLayout(count, ValueLayout.JAVA_BYTE).withName(name);
    }

    /** Padding the C compiler inserts; named so offsets stay readable in the layout's toString. */
    static MemoryLayout pad(long count) {
        return MemoryLayout.paddingLayout(count);
    }

    static UUID getUuid(MemorySegment s, long offset) {
        return new UUID(s.get(UUID_HALF, offset), s.get(UUID_HALF, offset + 8));
    }

    static void putUuid(MemorySegment s, long offset, UUID uuid) {
        s.set(UUID_HALF, offset, uuid.getMostSignificantBits());
        s.set(UUID_HALF, offset + 8, uuid.getLeastSignificantBits());
    }

    /** Returns zlib {@code crc32(0, bytes, length)} of {@code [offset, offset+length)}, zero-extended. */
    static long crc32(MemorySegment s, long offset, long length) {
        CRC32 crc = new CRC32();
        crc.update(s.asSlice(offset, length).asByteBuffer());
        return crc.getValue();
    }

    /** Returns the bytes of a char field up to its first NUL (all of them when there is none). */
    static byte[] cString(MemorySegment s, long offset, int fieldLength) {
        int n = 0;
        while (n < fieldLength && s.get(ValueLayout.JAVA_BYTE, offset + n) != 0) {
            n++;
        }
        return s.asSlice(offset, n).toArray(ValueLayout.JAVA_BYTE);
    }

    /** Writes {@code strncpy(field, bytes, fieldLength)}: the bytes, then NULs to the end of the field. */
    static void putStrncpy(MemorySegment s, long offset, int fieldLength, byte[] bytes) {
        int n = Math.min(bytes.length, fieldLength);
        MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, offset, n);
        s.asSlice(offset + n, fieldLength - n).fill((byte) 0);
    }
}
