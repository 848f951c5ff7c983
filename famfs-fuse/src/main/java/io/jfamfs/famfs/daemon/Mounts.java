package io.jfamfs.famfs.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The jfamfs mounts of this mount namespace: {@code /proc/self/mountinfo} entries of type
 * {@code fuse.jfamfs} (the mount source is the device path), joined with the daemons' state files.
 */
public final class Mounts {
    /** The file system type every jfamfs mount has. */
    public static final String FS_TYPE = "fuse.jfamfs";
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private Mounts() {
    }

    /** A mountinfo line reduced to what we need. */
    record Entry(Path mountpoint, String fsType, String source) {
    }

    /** Returns every jfamfs mount. */
    public static List<MountInfo> all() {
        List<DaemonState> states = DaemonState.live(DaemonState.dir());
        List<MountInfo> out = new ArrayList<>();
        for (Entry e : entries()) {
            if (!e.fsType().equals(FS_TYPE)) {
                continue;
            }
            Optional<DaemonState> st = states.stream().filter(s -> s.mountpoint().equals(e.mountpoint())).findFirst();
            out.add(st.map(s -> new MountInfo(e.mountpoint(), s.device(), s.systemUuidFile(), s.pid(), s.master(),
                    s.readOnly())).orElseGet(() -> new MountInfo(e.mountpoint(), Path.of(e.source()), Optional.empty(),
                    -1, false, false)));
        }
        return out;
    }

    /**
     * Returns the jfamfs mount that contains {@code path} (the mount with the longest mountpoint
     * prefix). Does not resolve symlinks: a dead mount must not hang or fail the lookup.
     */
    public static Optional<MountInfo> containing(Path path) {
        Path p = canonical(path);
        return all().stream().filter(m -> p.startsWith(m.mountpoint()))
                .max(Comparator.comparingInt(m -> m.mountpoint().getNameCount()));
    }

    /**
     * Returns {@code path} absolute, with symlinks resolved in its parent only: the path itself may be
     * a dead FUSE mount (stat fails with ENOTCONN), and mountinfo lists resolved paths.
     */
    public static Path canonical(Path path) {
        Path p = path.toAbsolutePath().normalize();
        Path parent = p.getParent();
        if (parent == null) {
            return p;
        }
        try {
            return parent.toRealPath().resolve(p.getFileName());
        } catch (IOException e) {
            return p;
        }
    }

    /** Returns true when something (of any type) is mounted exactly at {@code path}. */
    public static boolean isMountpoint(Path path) {
        Path p = canonical(path);
        return entries().stream().anyMatch(e -> e.mountpoint().equals(p));
    }

    /**
     * Returns where {@code device} is mounted, as the source of a mount of any type (compared as given
     * and after resolving symlinks), if anywhere: to refuse formatting or checking a mounted device.
     */
    public static Optional<Path> mountpointOf(Path device) throws IOException {
        Path real = device.toRealPath();
        Path given = device.toAbsolutePath().normalize();
        return entries().stream().filter(e -> e.source().startsWith("/"))
                .filter(e -> Path.of(e.source()).equals(real) || Path.of(e.source()).equals(given))
                .map(Entry::mountpoint).findFirst();
    }

    static List<Entry> entries() {
        try {
            return Files.readAllLines(MOUNTINFO).stream().map(Mounts::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Parses {@code id parent maj:min root mountpoint opts [optional...] - fstype source superopts}. */
    static Optional<Entry> parse(String line) {
        String[] f = line.split(" ");
        int dash = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (f.length < 5 || dash < 0 || dash + 2 >= f.length) {
            return Optional.empty();
        }
        return Optional.of(new Entry(Path.of(unescape(f[4])), unescape(f[dash + 1]), unescape(f[dash + 2])));
    }

    /** Undoes the kernel's octal escapes ({@code \040} for a space, {@code \011}, {@code \012}, {@code \134}). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String s, int at) {
        if (at + 3 > s.length()) {
            return false;
        }
        for (int i = at; i < at + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
