package io.jfamfs.cli;

import io.jfamfs.device.DaxModeException;
import io.jfamfs.device.DaxModes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code famfs dev mode DEVICE [devdax|system-ram]}: shows which mode a dax device is in (and which
 * driver holds it), or switches it through sysfs as {@code daxctl reconfigure-device} does.
 * Exit 0 on success, 1 when the device cannot be read or switched (the reason is printed) and for
 * usage errors.
 */
@Command(name = "mode", header = "Show or switch the mode of a dax device (devdax or system-ram).", sortOptions = false,
        description = {"Show or switch the mode of a dax device.",
            "Without MODE: prints devdax / system-ram / famfs / unbound and the driver that holds it;",
            "without DEVICE: the same for every dax device of this host.",
            "With MODE: switches it as 'daxctl reconfigure-device --mode=MODE' does (root only).",
            "Refuses a device that holds a mounted famfs or that a process maps, a famfs device that would",
            "become system RAM (without --force), and system RAM that cannot be offlined.",
            "",
            "Examples: famfs dev mode /dev/dax0.0",
            "          famfs dev mode /dev/dax1.0 system-ram"},
        footer = {"EXIT STATUS", "  0 success; 1 usage error, or the device cannot be read or switched (reason printed)."})
public final class DevModeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DEVICE", description = "the dax device, /dev/daxX.Y or daxX.Y")
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
    public Integer call() throws CliException {
        PrintWriter out = spec.commandLine().getOut();
        DaxModes.Mode target = null;
        if (mode != null) {
            try {
                target = DaxModes.Mode.parse(mode);
            } catch (IllegalArgumentException e) {
                throw Usage.error(spec, e.getMessage());
            }
        }
        try {
            if (device == null) {
                if (target != null) {
                    throw Usage.error(spec, "MODE needs a DEVICE");
                }
                var all = modes.all();
                if (all.isEmpty()) {
                    throw new CliException(1, "no dax devices on this host (nothing in /sys/bus/dax/devices)");
                }
                all.forEach(st -> out.println(st.describe()));
                return 0;
            }
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
            throw new CliException(1, e.getMessage(), e);
        }
    }
}
