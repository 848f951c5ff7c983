package io.jfamfs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /proc/self/mounts}, parsed: to refuse formatting or checking a mounted device. */
final class MountTable {
    /** One mount: source device, mount point, file system type. */
    record Mount(String source, Path mountpoint, String type) {
    }

    private MountTable() {
    }

    static List<Mount> read() throws IOException {
        List<Mount> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f.length >= 3) {
                mounts.add(new Mount(unescape(f[0]), Path.of(unescape(f[1])), f[2]));
            }
        }
        return mounts;
    }

    /** Returns the mount whose source is {@code device} (compared after resolving symlinks), if any. */
    static Optional<Mount> findBySource(Path device) throws IOException {
        Path real = device.toRealPath();
        for (Mount m : read()) {
            if (m.source().startsWith("/")) {
                Path src = Path.of(m.source());
                if (src.equals(real) || src.equals(device.toAbsolutePath().normalize())) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** Undoes the octal escapes of {@code /proc/mounts} ({@code \040} for a space, ...). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length()) {
                try {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
