package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs umount}: unmounts a jfamfs mount and waits for its daemon to exit. */
@Command(name = "umount", header = "Unmount a jfamfs mount and stop its daemon.",
        description = {
            "Unmount the jfamfs file system at MOUNTPOINT and wait for its daemon to exit (the reference",
            "has no 'famfs umount'; plain 'umount MOUNTPOINT' also works)."},
        footer = {"EXIT STATUS", "  0 unmounted; 1 usage error or not a jfamfs mount; otherwise the errno (16 EBUSY: in use)."})
public final class UmountCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-v", "--verbose"}, description = "Verbose.")
    boolean verbose;

    @Option(names = {"-l", "--lazy"}, description = "Detach now, clean up when no longer busy (umount -l).")
    boolean lazy;

    @Parameters(arity = "0..1", paramLabel = "MOUNTPOINT", description = "A jfamfs mount point.")
    Path mountpoint;

    @Override
    public Integer call() throws Exception {
        if (mountpoint == null) {
            throw Usage.error(spec, "missing MOUNTPOINT");
        }
        Mounting.umount(spec.commandLine(), mountpoint, lazy, verbose);
        return 0;
    }
}
