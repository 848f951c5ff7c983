package io.jfamfs.cli;

import io.jfamfs.device.DaxModeException;
import io.jfamfs.device.DaxModes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code famfs dev mode DEVICE [devdax|system-ram]}: shows which mode a dax device is in (and which
 * driver holds it), or switches it through sysfs as {@code daxctl reconfigure-device} does.
 * Exit 0 on success, 1 when the device cannot be read or switched (the reason is printed), 2 for
 * usage errors.
 */
@Command(name = "mode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show or switch the mode of a dax device.",
            "Without MODE: prints devdax / system-ram / famfs / unbound and the driver that holds it.",
            "With MODE: switches it as 'daxctl reconfigure-device --mode=MODE' does (root only).",
            "Refuses a device that holds a mounted famfs or that a process maps, a famfs device that would",
            "become system RAM (without --force), and system RAM that cannot be offlined."})
public final class DevModeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "the dax device, /dev/daxX.Y or daxX.Y")
    String device;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MODE", description = "devdax or system-ram")
    String mode;

    @Option(names = {"-f", "--force"},
            description = "switch a device holding a famfs superblock to system-ram; unbind an unknown driver")
    boolean force;

    @Option(names = "--no-movable", description = "online system-ram memory as 'online' (ZONE_NORMAL), "
            + "not 'online_movable'; such memory may never be offlined again")
    boolean noMovable;

    @Option(names = {"-v", "--verbose"}, description = "print each sysfs step")
    boolean verbose;

    private final DaxModes modes;

    public DevModeCommand() {
        this(new DaxModes());
    }

    DevModeCommand(DaxModes modes) {
        this.modes = modes;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String prog = "famfs dev mode";
        DaxModes.Mode target = null;
        if (mode != null) {
            try {
                target = DaxModes.Mode.parse(mode);
            } catch (IllegalArgumentException e) {
                err.println(prog + ": " + e.getMessage());
                return 2;
            }
        }
        try {
            if (target == null) {
                out.println(modes.status(device).describe());
                return 0;
            }
            if (verbose) {
                modes.log(s -> {
                    out.println(s);
                    out.flush();
                });
            }
            DaxModes.Status before = modes.status(device);
            DaxModes.Status now = modes.switchTo(device, target, force, !noMovable);
            if (before.mode() == now.mode()) {
                out.println(now.name() + ": already in " + now.mode().label() + " mode");
            } else {
                out.println(now.name() + ": " + before.mode().label() + " -> " + now.mode().label());
            }
            if (!verbose) {
                out.println(now.describe());
            }
            return 0;
        } catch (DaxModeException e) {
            err.println(prog + ": " + e.getMessage());
            return 1;
        }
    }
}
