package io.jfamfs.cli.term;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard streams are terminals, from {@code /proc/self/fd} (no native call needed). */
public final class Terminal {
    private Terminal() {
    }

    /** Returns true when file descriptor {@code fd} (1 = stdout, 2 = stderr) is a terminal. */
    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Returns true when progress bars should be drawn: stderr is a terminal and so is stdout. */
    public static boolean interactive() {
        return isTerminal(2) && isTerminal(1);
    }
}
