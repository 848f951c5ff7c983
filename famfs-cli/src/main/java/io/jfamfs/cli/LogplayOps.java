package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.cli.text.ShadowYaml;
import io.jfamfs.log.Problem;
import io.jfamfs.ns.DirNode;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * {@code famfs logplay}: replays the log (the api's strict replay), reports it, and with a shadow
 * directory writes the reference daemon's tree: a directory per logged directory, a YAML file per file.
 * Idempotent: what exists is counted as "existed" and left alone (re-checked with --shadowtest).
 */
final class LogplayOps {
    private final CommandLine cmd;
    private final LogplayCommand.Options o;
    private int files, dirs, filesExisted, dirsExisted, errors;

    private LogplayOps(CommandLine cmd, LogplayCommand.Options o) {
        this.cmd = cmd;
        this.o = o;
    }

    /** Returns the number of problems (bad or rejected entries, shadow files not written or not matching). */
    static int logplay(CommandLine cmd, Path target, Path daxdev, Path systemUuidFile, LogplayCommand.Options o)
            throws IOException, CliException {
        Path shadowRoot = o.shadow() == null ? null : requireShadow(o.shadow());
        Path device;
        Path uuidFile = systemUuidFile;
        if (daxdev != null) {
            if (!Files.exists(daxdev)) {
                throw new CliException(1, "no such device: " + daxdev);
            }
            Devices.requireNotMounted(daxdev);
            device = daxdev;
        } else {
            Mounted.Location at = Mounted.require(target, 1);
            device = at.mount().device();
            uuidFile = uuidFile != null ? uuidFile : at.mount().systemUuidFile();
        }
        try (Famfs fs = Famfs.open(device, FamfsOptions.builder().systemUuidFile(uuidFile).readOnly(true).build())) {
            return new LogplayOps(cmd, o).play(fs, shadowRoot);
        }
    }

    /** The shadow directory must exist and be a writable directory; its {@code root/} is created if missing. */
    private static Path requireShadow(Path shadow) throws IOException, CliException {
        if (!Files.isDirectory(shadow)) {
            throw new CliException(1, "shadow path is not a directory: " + shadow);
        }
        if (!Files.isWritable(shadow)) {
            throw new CliException(1, "shadow directory is not writable: " + shadow);
        }
        Path root = shadow.resolve("root");
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
        }
        return root;
    }

    private int play(Famfs fs, Path shadowRoot) {
        PrintWriter out = cmd.getOut();
        for (Problem p : fs.problems()) {
            cmd.getErr().println("famfs logplay: " + p);
            errors++;
        }
        walk(fs, fs.namespace().root(), shadowRoot);
        long entries = fs.logHeader().nextIndex();
        out.printf("famfs logplay: processed %d log entries; %d files, %d directories%s%n", entries,
                files, dirs, o.dryRun() ? " (dry run)" : "");
        if (shadowRoot != null) {
            out.printf("  Created:  %d files, %d directories%n", files - filesExisted, dirs - dirsExisted);
            out.printf("  Existed:  %d files, %d directories%n", filesExisted, dirsExisted);
        }
        if (errors > 0) {
            out.printf("  Errors:   %d%n", errors);
        }
        out.flush();
        return errors;
    }

    private void walk(Famfs fs, DirNode dir, Path shadowRoot) {
        for (Node n : dir.children()) {
            switch (n) {
                case DirNode d -> {
                    dirs++;
                    verbose(1, "dir  " + d.relpath());
                    if (shadowRoot != null) {
                        shadowDir(shadowRoot.resolve(d.relpath()));
                    }
                    walk(fs, d, shadowRoot);
                }
                case FileNode f -> {
                    files++;
                    String yaml = ShadowYaml.of(f.relpath(), f.size(), f.flags(), f.mode(), f.uid(), f.gid(), f.fmap());
                    verbose(1, "file " + f.relpath() + " size=" + f.size());
                    verbose(2, yaml);
                    if (shadowRoot != null) {
                        shadowFile(shadowRoot.resolve(f.relpath()), yaml);
                    }
                }
            }
        }
    }

    private void shadowDir(Path p) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            dirsExisted++;
            return;
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            error("shadow path exists and is not a directory: " + p);
            return;
        }
        if (!o.dryRun()) {
            try {
                Files.createDirectory(p);
            } catch (IOException e) {
                error("cannot create shadow directory: " + Failures.message(e));
            }
        }
    }

    private void shadowFile(Path p, String yaml) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            filesExisted++;
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                error("shadow path exists and is not a file: " + p);
                return;
            }
        } else if (!o.dryRun()) {
            try {
                Files.writeString(p, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                error("cannot write shadow file: " + Failures.message(e));
                return;
            }
        }
        if (o.shadowTest() && !o.dryRun()) {
            try {
                var expected = ShadowYaml.parse(yaml);
                var actual = ShadowYaml.parse(Files.readString(p, StandardCharsets.UTF_8));
                if (!expected.equals(actual)) {
                    error("shadow file does not match the log: " + p);
                }
            } catch (IOException | IllegalArgumentException e) {
                error("shadow file unreadable: " + p + ": " + Failures.message(e));
            }
        }
    }

    private void verbose(int level, String s) {
        if (o.verbose() >= level) {
            cmd.getOut().println(s);
        }
    }

    private void error(String message) {
        errors++;
        cmd.getErr().println("famfs logplay: " + message);
    }
}
