package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.cli.pattern.Pattern;
import io.jfamfs.cli.term.Progress;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.List;
import picocli.CommandLine;

/** {@code famfs verify}: checks each file's mapped bytes against the seed's pattern, in parallel. */
final class VerifyOps {
    private VerifyOps() {
    }

    /** Returns the number of files that failed (reported on stderr). */
    static int verify(CommandLine cmd, List<VerifyCommand.Target> targets, int threads, boolean quiet)
            throws InterruptedException {
        int failed = 0;
        try (Parallel par = new Parallel(threads)) {
            for (VerifyCommand.Target t : targets) {
                failed += verifyOne(cmd, t, par, quiet) ? 0 : 1;
            }
        }
        return failed;
    }

    private static boolean verifyOne(CommandLine cmd, VerifyCommand.Target t, Parallel par, boolean quiet) {
        try {
            Mounted.Location at = Mounted.require(t.path(), 1);
            try (Famfs fs = Mounted.open(at.mount(), false)) {
                FamfsFile f = fs.file(at.relpath()).orElseThrow(() -> new CliException(1,
                        "no such famfs file: " + t.path()));
                MemorySegment m = f.map();
                long bad;
                try (Progress p = Progress.start(cmd.getErr(), "verifying", f.size())) {
                    bad = par.forRanges(f.size(), p, (off, len) -> Pattern.verify(m.asSlice(off, len), t.seed(), off));
                }
                if (bad >= 0) {
                    cmd.getErr().printf("famfs verify: Verify fail: %s (seed %d) at offset %d%n", t.path(), t.seed(), bad);
                    return false;
                }
                if (!quiet) {
                    cmd.getOut().printf("Success: verified %d bytes in file %s%n", f.size(), t.path());
                }
                return true;
            }
        } catch (IOException | CliException e) {
            cmd.getErr().println("famfs verify: " + Failures.message(e));
            return false;
        } catch (Exception e) {
            cmd.getErr().println("famfs verify: " + t.path() + ": " + Failures.message(e));
            return false;
        } finally {
            cmd.getOut().flush();
            cmd.getErr().flush();
        }
    }
}
