package io.jfamfs.fuse.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;

/** Annotated hex for tests: whitespace separates groups, {@code #} starts a comment to end of line. */
public final class Hex {
    private Hex() {
    }

    /** Parses annotated hex into bytes. */
    public static byte[] bytes(String annotated) {
        StringBuilder digits = new StringBuilder();
        for (String line : annotated.split("\n")) {
            int hash = line.indexOf('#');
            digits.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    /** Parses annotated hex into a fresh native segment (as a /dev/fuse read buffer would be). */
    public static MemorySegment segment(String annotated) {
        byte[] b = bytes(annotated);
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1, b.length), 8);
        MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 0, b.length);
        return s.asSlice(0, b.length);
    }

    /** Formats bytes as plain lowercase hex. */
    public static String of(MemorySegment s, long length) {
        return HexFormat.of().formatHex(s.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE));
    }
}
