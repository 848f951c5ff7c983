package io.jfamfs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code famfs dev create}: makes a sparse emulated device file. */
@Command(name = "create", header = "Create a sparse emulated device file.",
        description = {
            "Create an emulated famfs device: a sparse file of SIZE bytes at PATH (use tmpfs such as /dev/shm,",
            "or hugetlbfs, so that its memory can be shared by mapping). SIZE must be a multiple of 2 MiB;",
            "mkfs.famfs needs at least 4 GiB. Memory is only used where data is written.",
            "",
            "Example: famfs dev create --size 8G /dev/shm/famfs0 && mkfs.famfs /dev/shm/famfs0"},
        footer = {"EXIT STATUS", "  0 success; 1 usage error; otherwise the errno of the failure (17 EEXIST without -f)."})
public final class DevCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = {"-s", "--size"}, required = true, converter = Converters.Size.class, paramLabel = "SIZE",
            description = "Device size, e.g. 8G; a multiple of 2m.")
    long size;

    @Option(names = {"-f", "--force"}, description = "Replace an existing file at PATH.")
    boolean force;

    @Parameters(paramLabel = "PATH", description = "The device file to create.")
    Path path;

    /** Emulated devices keep the 2 MiB alignment of devdax. */
    static final long ALIGNMENT = 2L << 20;

    @Override
    public Integer call() throws Exception {
        if (size <= 0 || size % ALIGNMENT != 0) {
            throw Usage.error(spec, "size must be a positive multiple of 2 MiB: " + size);
        }
        Devices.createEmulated(path, size, force);
        return 0;
    }
}
