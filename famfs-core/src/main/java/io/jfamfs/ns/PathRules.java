package io.jfamfs.ns;

import io.jfamfs.omf.RelPathBytes;
import io.jfamfs.sys.Errno;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The strict relpath rules (DESIGN.md "Replay is strict"): not empty, relative, no empty, {@code .}
 * or {@code ..} components, not under {@code .meta}, at most 79 bytes (the 80-byte field needs a NUL),
 * valid UTF-8. The
 * reference accepts most of these and lets {@code realpath()} resolve them, even outside the mount.
 */
public final class PathRules {
    /** The longest relpath that fits the 80-byte field with its NUL. */
    public static final int MAX_LENGTH = RelPathBytes.FIELD_LENGTH - 1;
    /** The top-level directory of the virtual metadata files that every mount serves. */
    public static final String META_DIR = ".meta";

    private PathRules() {
    }

    /** Returns why {@code path} is not a valid relpath, or {@code null} when it is. */
    public static Rejection checkOrNull(RelPathBytes path) {
        if (path.length() == 0) {
            return Rejection.invalid("empty relpath");
        }
        if (path.length() > MAX_LENGTH) {
            return new Rejection(Errno.ENAMETOOLONG, "relpath is %d bytes with no NUL (at most %d): %s"
                    .formatted(path.length(), MAX_LENGTH, path));
        }
        if (!path.isUtf8()) {
            return Rejection.invalid("relpath is not valid UTF-8: hex=" + path.hex());
        }
        return checkTextOrNull(path.toString());
    }

    /** Returns why {@code relpath} could never name a node (syntax and the 79-byte limit), or empty. */
    public static Optional<Rejection> check(String relpath) {
        Rejection r = checkTextOrNull(relpath);
        if (r == null && relpath.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            r = new Rejection(Errno.ENAMETOOLONG, "relpath longer than %d bytes: %s".formatted(MAX_LENGTH, relpath));
        }
        return Optional.ofNullable(r);
    }

    /** Returns why the text {@code path} is not a valid relpath (length aside), or {@code null}. */
    static Rejection checkTextOrNull(String path) {
        if (path.isEmpty()) {
            return Rejection.invalid("empty relpath");
        }
        if (path.charAt(0) == '/') {
            return Rejection.invalid("relpath is absolute: " + path);
        }
        if (path.equals(META_DIR) || path.startsWith(META_DIR + "/")) {
            // every mount shows its own .meta/.superblock and .meta/.log there; a logged node would hide them
            return new Rejection(Errno.EPERM, "relpath is inside the reserved " + META_DIR + " directory: " + path);
        }
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            int len = end - start;
            if (len == 0) {
                return Rejection.invalid("relpath has an empty component: " + path);
            }
            if ((len == 1 && path.charAt(start) == '.') || (len == 2 && path.startsWith("..", start))) {
                return Rejection.invalid("relpath has a '" + path.substring(start, end) + "' component: " + path);
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return null;
    }

    /** Returns the parent relpath ("" for the root's children). */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Returns the last component. */
    static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
