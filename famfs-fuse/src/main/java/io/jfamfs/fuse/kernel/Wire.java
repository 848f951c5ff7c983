package io.jfamfs.fuse.kernel;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The primitive field layouts of the FUSE wire format (host order, x86-64 little endian) and the
 * checks every decoder of untrusted kernel bytes uses. Fields are unaligned because request bodies
 * follow a 40-byte header inside one read buffer and we never rely on the buffer's alignment.
 */
public final class Wire {
    public static final ValueLayout.OfByte U8 = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LITTLE_ENDIAN);
    public static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LITTLE_ENDIAN);
    public static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(LITTLE_ENDIAN);

    private Wire() {
    }

    /** Returns the byte offset of {@code field} in {@code layout}. */
    static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    /** Throws when {@code body} is shorter than {@code need} bytes: the kernel sent a truncated struct. */
    public static void requireLength(MemorySegment body, long need, String what) throws WireException {
        if (body.byteSize() < need) {
            throw new WireException("%s: body of %d bytes, need %d".formatted(what, body.byteSize(), need));
        }
    }

    /**
     * Reads a NUL-terminated directory entry name starting at {@code offset} and returns it with the
     * offset just past the NUL; a name with no NUL inside the body, an empty name, or one with a '/'
     * is rejected.
     */
    public static Name name(MemorySegment body, long offset, String what) throws WireException {
        Name n = cstring(body, offset, what);
        if (n.byteLength() == 0 || n.value().indexOf('/') >= 0) {
            throw new WireException(what + ": invalid entry name \"" + n.value() + "\"");
        }
        return n;
    }

    /** Reads any NUL-terminated string (a symlink target, an xattr name) bounded by the body. */
    public static Name cstring(MemorySegment body, long offset, String what) throws WireException {
        long end = offset;
        long size = body.byteSize();
        while (end < size && body.get(U8, end) != 0) {
            end++;
        }
        if (end >= size) {
            throw new WireException(what + ": string not NUL-terminated within " + (size - offset) + " bytes");
        }
        byte[] bytes = body.asSlice(offset, end - offset).toArray(U8);
        return new Name(new String(bytes, StandardCharsets.UTF_8), bytes.length, end + 1);
    }

    /** A decoded name, its length in bytes, and the offset of the byte after its NUL. */
    public record Name(String value, int byteLength, long next) {
    }

    /** Rounds {@code n} up to a multiple of 8, as {@code FUSE_REC_ALIGN} does for dirents. */
    public static long align8(long n) {
        return (n + 7) & ~7L;
    }
}
