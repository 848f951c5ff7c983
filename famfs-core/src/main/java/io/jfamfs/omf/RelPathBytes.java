package io.jfamfs.omf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The raw bytes of an on-media relpath field up to its first NUL (at most 80 bytes). Kept as bytes
 * because the format stores whatever the writer gave it; {@link #toString()} decodes UTF-8.
 */
public final class RelPathBytes {
    /** {@code FAMFS_MAX_PATHLEN}: the field size; a valid relpath has at most 79 bytes plus a NUL. */
    public static final int FIELD_LENGTH = 80;

    private final byte[] bytes;

    private RelPathBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of {@code bytes}, which must not contain NUL and be at most 80 long. */
    public static RelPathBytes of(byte[] bytes) {
        if (bytes.length > FIELD_LENGTH) {
            throw new IllegalArgumentException("relpath longer than " + FIELD_LENGTH + " bytes: " + bytes.length);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new IllegalArgumentException("relpath contains NUL");
            }
        }
        return new RelPathBytes(bytes.clone());
    }

    /** Encodes {@code path} as UTF-8. */
    public static RelPathBytes of(String path) {
        return of(path.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Returns true when the bytes are well-formed UTF-8. */
    public boolean isUtf8() {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** Returns the bytes in hex, for messages about paths that are not text. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelPathBytes r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
