package io.jfamfs.device;

import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * This host's famfs identity, as the reference keeps it ({@code famfs_get_system_uuid} in
 * {@code src/famfs_misc.c}): the text uuid in {@code /opt/famfs/system_uuid}, created on first use
 * (directory 0755, file 0444, 36 characters plus a NUL). mkfs stores it as the superblock's owner;
 * a host whose uuid matches is the master. {@code FAMFS_SYSTEM_UUID_FILE} (or a path given by the
 * caller) lets several "hosts" share one machine in tests.
 *
 * <p>Parsing is stricter than {@code fscanf("%36s") + uuid_parse}: the first word of the file must be
 * exactly a 36-character uuid (the reference ignores anything after 36 non-blank characters).
 * As in the reference, a file with no word at all is removed (so the next use creates a fresh one)
 * and reported; a malformed uuid is reported and kept.
 */
public final class SystemUuid {
    /** The reference's location. */
    public static final Path DEFAULT_PATH = Path.of("/opt/famfs/system_uuid");
    /** The environment variable that overrides {@link #DEFAULT_PATH}. */
    public static final String ENV_VARIABLE = "FAMFS_SYSTEM_UUID_FILE";
    private static final int UUID_TEXT_LENGTH = 36;

    private final Path file;

    /** Uses {@code file} instead of the default location. */
    public SystemUuid(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Uses {@code $FAMFS_SYSTEM_UUID_FILE} when set and not empty, else {@link #DEFAULT_PATH}. */
    public static SystemUuid fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Same as {@link #fromEnvironment()} with an explicit environment (for tests). */
    public static SystemUuid fromEnvironment(Map<String, String> env) {
        String p = env.get(ENV_VARIABLE);
        return new SystemUuid(p == null || p.isBlank() ? DEFAULT_PATH : Path.of(p));
    }

    public Path path() {
        return file;
    }

    /** Reads the uuid; {@link ErrnoException} ENOENT when there is no file yet. */
    public UUID read() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1); // bytes as chars: any content parses
        } catch (NoSuchFileException e) {
            throw new ErrnoException(Errno.ENOENT, "no system uuid file: path=" + file);
        }
        String word = firstWord(text);
        if (word.isEmpty()) {
            Files.deleteIfExists(file);
            throw new ErrnoException(Errno.EINVAL,
                    "empty system uuid file removed; it is recreated on next use: path=" + file);
        }
        UUID uuid = parse(word);
        if (uuid == null) {
            throw new ErrnoException(Errno.EINVAL, "bad system uuid: path=%s text=\"%s\"".formatted(file,
                    word.length() > 64 ? word.substring(0, 64) + "..." : word));
        }
        return uuid;
    }

    /** Reads the uuid, creating the file with a random uuid first when it does not exist. */
    public UUID readOrCreate() throws IOException {
        if (!Files.exists(file)) {
            try {
                create(UUID.randomUUID());
            } catch (IOException e) {
                throw new IOException("cannot create system uuid file: path=%s error=%s".formatted(file, e), e);
            }
        }
        return read();
    }

    /**
     * Writes {@code uuid} as a new file, atomically: another process racing to create it either wins
     * (and its uuid is kept) or loses; nobody ever reads a half-written file.
     */
    private void create(UUID uuid) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwxr-xr-x")));
        }
        Path tmp = Files.createTempFile(dir, ".system_uuid", ".tmp");
        try {
            byte[] text = (uuid + "\0").getBytes(StandardCharsets.US_ASCII); // 36 chars + NUL, as the reference
            Files.write(tmp, text);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r--r--"));
            Files.createLink(file, tmp); // fails if someone else created it meanwhile: theirs stands
        } catch (FileAlreadyExistsException e) {
            // lost the race; read() returns the winner's uuid
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String firstWord(String text) {
        int i = 0;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < text.length() && !isBlank(text.charAt(j))) {
            j++;
        }
        return text.substring(i, j);
    }

    /** {@code %s} stops at C whitespace; the NUL the reference writes ends the word too. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b || c == 0;
    }

    /** Parses like libuuid's {@code uuid_parse}: 8-4-4-4-12 hex digits, either case; else null. */
    static UUID parse(String s) {
        if (s.length() != UUID_TEXT_LENGTH) {
            return null;
        }
        for (int i = 0; i < UUID_TEXT_LENGTH; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
                return null;
            }
        }
        return UUID.fromString(s);
    }
}
