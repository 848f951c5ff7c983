package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.api.FamfsFile;
import io.jfamfs.api.FamfsOptions;
import io.jfamfs.api.FormatOptions;
import io.jfamfs.cli.pattern.Pattern;
import io.jfamfs.cli.text.ShadowYaml;
import io.jfamfs.device.EmulatedDevices;
import io.jfamfs.famfs.daemon.Mounts;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import picocli.AutoComplete;

/**
 * The training run behind {@code bin/famfs}'s CDS archive ({@code -XX:ArchiveClassesAtExit}): exercises what
 * the common commands load and link (picocli specs of every command, the FFM downcalls, opening,
 * formatting and checking a device, creating and mapping a file, the mount table) on a throw-away
 * emulated device, printing nothing. Never fails: a step that cannot run is skipped.
 */
final class Training {
    private Training() {
    }

    static int run() {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (String name : FamfsCommand.COMMANDS.keySet()) {
            Main.run("famfs", new String[] {name, "--help"}, sink, sink);
        }
        Main.run("mkfs.famfs", new String[] {"--help"}, sink, sink);
        Main.run("famfs", new String[] {"creat", "-S", "1", "-s", "1m", "/nonexistent/x"}, sink, sink);
        Main.run("famfs", new String[] {"getmap", "/nonexistent/x"}, sink, sink);
        AutoComplete.bash("famfs", Main.commandLine("famfs", new String[0]));
        Mounts.containing(Path.of("/"));
        Path dev = Path.of("/dev/shm/.jfamfs-train-" + UUID.randomUUID());
        Path uuid = Path.of("/tmp/.jfamfs-train-uuid-" + UUID.randomUUID());
        try {
            EmulatedDevices.create(dev, 4L << 30, false);
            Famfs.format(dev, FormatOptions.defaults().withSystemUuidFile(uuid));
            try (Famfs fs = Famfs.open(dev, FamfsOptions.builder().systemUuidFile(uuid).build())) {
                fs.mkdirs("d/e", 0755, 0, 0);
                FamfsFile f = fs.create("d/f", 1 << 20, 0644, 0, 0);
                MemorySegment m = f.map();
                Pattern.fill(m, 1, 0);
                Pattern.verify(m, 1, 0);
                ShadowYaml.of(f.relpath(), f.size(), f.node().flags(), f.mode(), f.uid(), f.gid(), f.fmap());
                FsckPrinter.print(sink, fs.fsck(), new FsckPrinter.Context(dev.toString(), "Owner"),
                        new FsckPrinter.Options(false, 1, false, null));
                FsckPrinter.print(sink, fs.fsck(), new FsckPrinter.Context(dev.toString(), "Owner"),
                        new FsckPrinter.Options(true, 0, true, 4));
                fs.device().flush(0, 4096);
            }
        } catch (Exception | Error e) {
            // a partial training run only makes a smaller cache
        } finally {
            try {
                Files.deleteIfExists(dev);
                Files.deleteIfExists(uuid);
            } catch (Exception e) {
                // nothing to do
            }
        }
        return 0;
    }
}
