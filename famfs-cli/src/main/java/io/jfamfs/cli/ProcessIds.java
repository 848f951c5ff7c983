package io.jfamfs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's user and group ids and umask, read once from {@code /proc/self/status}
 * ({@code Uid: real effective saved fs}, {@code Umask:}); the JDK has no API for them.
 */
record ProcessIds(int realUid, int effectiveUid, int realGid, int effectiveGid, int umask) {

    private static final class Holder {
        static final ProcessIds CURRENT = read(Path.of("/proc/self/status"));
    }

    static ProcessIds current() {
        return Holder.CURRENT;
    }

    boolean isRoot() {
        return effectiveUid == 0;
    }

    static ProcessIds read(Path status) {
        int[] uid = {-1, -1};
        int[] gid = {-1, -1};
        int umask = 022;
        try {
            for (String line : Files.readAllLines(status)) {
                String[] f = line.split("\\s+");
                switch (f[0]) {
                    case "Uid:" -> { uid[0] = Integer.parseInt(f[1]); uid[1] = Integer.parseInt(f[2]); }
                    case "Gid:" -> { gid[0] = Integer.parseInt(f[1]); gid[1] = Integer.parseInt(f[2]); }
                    case "Umask:" -> umask = Integer.parseInt(f[1], 8);
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux or no procfs: behave as an unprivileged user with the usual umask.
        }
        return new ProcessIds(uid[0], uid[1], gid[0], gid[1], umask);
    }
}
