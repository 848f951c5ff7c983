package io.jfamfs.cli;

import io.jfamfs.device.EmulatedDevices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Device-level adapters over famfs-core: format, check, emulated devices. */
final class Devices {
    private Devices() {
    }

    static void format(PrintWriter out, Path device, long logLength, boolean force, boolean kill, Path systemUuidFile,
            boolean verbose) throws Exception {
        throw Pending.notYet("mkfs.famfs");
    }

    static void createEmulated(Path path, long size, boolean force) throws IOException {
        EmulatedDevices.create(path, size, force);
    }

    static int fsck(PrintWriter out, Path target, Path systemUuidFile, FsckPrinter.Options options) throws Exception {
        throw Pending.notYet("fsck");
    }
}
