package io.jfamfs.device;

import io.jfamfs.sys.Posix;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The mode of a dax device and switching it through sysfs, as {@code daxctl reconfigure-device}
 * does: which driver of the dax bus holds {@code daxX.Y} ({@code device_dax} = devdax,
 * {@code kmem} = system-ram, {@code fsdev_dax} = famfs, none = unbound), and unbind/bind through
 * {@code /sys/bus/dax/drivers/DRIVER/{unbind,new_id,bind,remove_id}} with the memory blocks of a
 * system-ram device put online or offline through {@code /sys/devices/system/memory/memoryN/state}.
 *
 * <p>Switching refuses, with the reason, a device that holds a mounted famfs or that a process has
 * open or mapped, a device with a famfs superblock when it would become system RAM (unless forced),
 * and system RAM that cannot be offlined (the blocks already offlined are put back online).
 *
 * <p>The file system root is injectable ({@code sys/}, {@code proc/} and {@code dev/} below it) and
 * so is the attribute writer, so tests run on a fake tree that plays the kernel's part.
 */
public final class DaxModes {
    /** The modes a dax device can be in, with the dax-bus driver of each. */
    public enum Mode {
        DEVDAX("devdax", "device_dax"),
        SYSTEM_RAM("system-ram", "kmem"),
        FAMFS("famfs", "fsdev_dax"),
        UNBOUND("unbound", null),
        UNKNOWN("unknown", null);

        private final String label;
        private final String driver;

        Mode(String label, String driver) {
            this.label = label;
            this.driver = driver;
        }

        /** The daxctl name of the mode: devdax, system-ram, famfs, unbound. */
        public String label() {
            return label;
        }

        /** The dax-bus driver that puts a device in this mode, or null (unbound, unknown). */
        public String driver() {
            return driver;
        }

        static Mode ofDriver(String driver) {
            if (driver == null) {
                return UNBOUND;
            }
            for (Mode m : values()) {
                if (driver.equals(m.driver)) {
                    return m;
                }
            }
            return UNKNOWN;
        }

        /** Parses a target mode as {@code famfs dev mode} takes it. */
        public static Mode parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "devdax", "device_dax", "device-dax" -> DEVDAX;
                case "system-ram", "system_ram", "kmem" -> SYSTEM_RAM;
                case "famfs", "fsdev_dax" -> FAMFS;
                default -> throw new IllegalArgumentException(
                        "unknown dax mode '" + s + "' (expected devdax or system-ram)");
            };
        }
    }

    /** One memory block ({@code memoryN}) of a system-ram device: its state and zone(s). */
    public record MemoryBlock(int index, String state, String zones) {
        public boolean online() {
            return state.startsWith("online");
        }
    }

    /**
     * What sysfs says about a dax device. {@code start}/{@code end} is its physical range (first
     * mapping), {@code blocks} the memory blocks inside it that exist (system-ram mode only).
     */
    public record Status(String name, Mode mode, String driver, long size, long align, long start, long end,
            long blockSize, List<MemoryBlock> blocks, boolean charDevice) {

        /** One line for a person: mode, driver, size, alignment and, for system-ram, the memory blocks. */
        public String describe() {
            StringBuilder b = new StringBuilder(name).append(": ").append(mode.label());
            b.append(driver == null ? " (no driver)" : " (driver " + driver + ")");
            b.append(", ").append(human(size)).append(" (").append(size).append(" bytes), align ")
                    .append(human(align));
            switch (mode) {
                case DEVDAX -> b.append(charDevice ? ", char device /dev/" + name : ", /dev/" + name + " missing");
                case SYSTEM_RAM -> {
                    long on = blocks.stream().filter(MemoryBlock::online).count();
                    b.append("; memory blocks: ").append(blocks.size()).append(" of ").append(human(blockSize))
                            .append(", ").append(on).append(" online");
                    String zones = blocks.stream().filter(MemoryBlock::online).map(MemoryBlock::zones).distinct()
                            .reduce((x, y) -> x + "/" + y).orElse("");
                    if (!zones.isEmpty()) {
                        b.append(" (").append(zones).append(")");
                    }
                }
                case UNBOUND -> b.append("; switch it with: ").append(switchCommand(name, Mode.DEVDAX));
                default -> {
                }
            }
            return b.toString();
        }
    }

    /** Writes one sysfs attribute; the kernel's refusal comes back as an IOException. */
    @FunctionalInterface
    public interface SysfsWriter {
        void write(Path attribute, String value) throws IOException;
    }

    /** {@code FAMFS_SUPER_MAGIC}, the u64 at offset 0 of a famfs device. */
    public static final long FAMFS_SUPER_MAGIC = 0x87b282ffL;

    private static final Pattern NAME = Pattern.compile("dax\\d+\\.\\d+");

    private final Path root;
    private final SysfsWriter writer;
    private final boolean live;
    private Consumer<String> log = s -> {
    };

    /** The running system: {@code /sys}, {@code /proc}, {@code /dev}. */
    public DaxModes() {
        this(Path.of("/"), DaxModes::writeAttribute);
    }

    /** A tree below {@code root} (tests), written through {@code writer}. */
    public DaxModes(Path root, SysfsWriter writer) {
        this.root = root;
        this.writer = writer;
        this.live = root.equals(Path.of("/"));
    }

    /** Receives one line per step taken while switching (for a verbose command line). */
    public DaxModes log(Consumer<String> sink) {
        this.log = sink;
        return this;
    }

    /** {@code /dev/dax0.0} or {@code dax0.0} → {@code dax0.0}; anything else is refused. */
    public static String deviceName(String device) throws DaxModeException {
        String n = device.startsWith("/dev/") ? device.substring(5) : device;
        if (!NAME.matcher(n).matches()) {
            throw new DaxModeException(device + ": not a dax device name (expected /dev/daxX.Y or daxX.Y)");
        }
        return n;
    }

    /** The command that switches {@code name} to {@code target}, for messages. */
    public static String switchCommand(String name, Mode target) {
        return "famfs dev mode /dev/" + name + " " + target.label() + " (or: daxctl reconfigure-device --mode="
                + target.label() + " " + name + ")";
    }

    /**
     * The message for a command that needs a devdax device and was given {@code device}: what mode
     * it is in and how to switch it; null when it is in devdax mode (or not a dax device at all).
     */
    public String notDevdaxReason(String device) {
        try {
            Status st = status(device);
            return switch (st.mode()) {
                case DEVDAX -> null;
                case SYSTEM_RAM -> st.name() + " is in system-ram mode (driver kmem): its memory is RAM of this "
                        + "host's page allocator, not a famfs device. Switch it with: "
                        + switchCommand(st.name(), Mode.DEVDAX);
                case UNBOUND -> st.name() + " is not bound to any driver, so /dev/" + st.name()
                        + " does not exist. Bind it with: " + switchCommand(st.name(), Mode.DEVDAX);
                default -> st.name() + " is in " + st.mode().label() + " mode (driver " + st.driver()
                        + "), not devdax. Switch it with: " + switchCommand(st.name(), Mode.DEVDAX);
            };
        } catch (DaxModeException e) {
            return null;
        }
    }

    private Path daxDevices() {
        return root.resolve("sys/bus/dax/devices");
    }

    private Path driverDir(String driver) {
        return root.resolve("sys/bus/dax/drivers").resolve(driver);
    }

    private Path memoryDir() {
        return root.resolve("sys/devices/system/memory");
    }

    /** Reads the mode of {@code device} ({@code /dev/daxX.Y} or {@code daxX.Y}) and its details. */
    public Status status(String device) throws DaxModeException {
        String name = deviceName(device);
        Path dir = daxDevices().resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new DaxModeException("/dev/" + name + ": no such dax device (" + dir + " is missing; dax devices: "
                    + listDevices() + ")");
        }
        String driver = null;
        try {
            driver = Files.readSymbolicLink(dir.resolve("driver")).getFileName().toString();
        } catch (NoSuchFileException e) {
            // unbound
        } catch (IOException e) {
            throw new DaxModeException(name + ": cannot read " + dir.resolve("driver") + ": " + e.getMessage(), e);
        }
        Mode mode = Mode.ofDriver(driver);
        long size = readLong(dir.resolve("size"), 0);
        long align = Files.exists(dir.resolve("align")) ? readLong(dir.resolve("align"), 0) : 4096;
        long start;
        long end;
        if (Files.isDirectory(dir.resolve("mapping0"))) {
            start = readLong(dir.resolve("mapping0/start"), 16);
            end = readLong(dir.resolve("mapping0/end"), 16);
        } else {
            start = readLong(dir.resolve("resource"), 16);
            end = start + size - 1;
        }
        long blockSize = 0;
        List<MemoryBlock> blocks = List.of();
        if (mode == Mode.SYSTEM_RAM) {
            blockSize = readLong(memoryDir().resolve("block_size_bytes"), 16);
            blocks = memoryBlocks(start, end, blockSize);
        }
        boolean chr = Files.exists(root.resolve("dev").resolve(name));
        return new Status(name, mode, driver, size, align, start, end, blockSize, blocks, chr);
    }

    /** The status of every dax device on this host, by name (empty when there are none). */
    public List<Status> all() throws DaxModeException {
        List<Status> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(daxDevices())) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (NAME.matcher(n).matches()) {
                    out.add(status(n));
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(java.util.Comparator.comparing(Status::name));
        return out;
    }

    private String listDevices() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(daxDevices())) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            return "none (no " + daxDevices() + ")";
        }
        names.sort(null);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** The memory blocks wholly inside [start, end] (kmem adds only whole blocks) that exist now. */
    private List<MemoryBlock> memoryBlocks(long start, long end, long blockSize) throws DaxModeException {
        List<MemoryBlock> out = new ArrayList<>();
        if (blockSize <= 0) {
            return out;
        }
        long first = Math.ceilDiv(start, blockSize);
        long last = (end + 1) / blockSize - 1;
        for (long i = first; i <= last; i++) {
            Path b = memoryDir().resolve("memory" + i);
            if (Files.isDirectory(b)) {
                String zones = Files.exists(b.resolve("valid_zones")) ? readString(b.resolve("valid_zones")) : "";
                out.add(new MemoryBlock((int) i, readString(b.resolve("state")), zones));
            }
        }
        return out;
    }

    /**
     * What holds {@code device} on this host: famfs (or other FUSE) mounts naming it, and processes
     * that have it open or mapped (this process excluded). Empty when nothing does.
     */
    public List<String> holders(String device) throws DaxModeException {
        String name = deviceName(device);
        String path = "/dev/" + name;
        List<String> out = new ArrayList<>();
        Path proc = root.resolve("proc");
        try {
            for (String line : Files.readAllLines(proc.resolve("self/mountinfo"))) {
                int dash = line.indexOf(" - ");
                if (dash < 0) {
                    continue;
                }
                String[] pre = line.substring(0, dash).split(" ");
                String[] post = line.substring(dash + 3).split(" ");
                if (pre.length < 5 || post.length < 2) {
                    continue;
                }
                String type = post[0];
                String source = post[1];
                String opts = post.length > 2 ? post[2] : "";
                boolean names = source.equals(path) || source.equals(name) || opts.contains("daxdev=" + path);
                if (names && (type.equals("famfs") || type.startsWith("fuse"))) {
                    out.add("a famfs is mounted from it at " + unescape(pre[4]) + " (" + type + ")");
                }
            }
        } catch (IOException e) {
            // no mountinfo: nothing to report
        }
        long self = live ? ProcessHandle.current().pid() : -1;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : ds) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                String use = null;
                try {
                    for (String l : Files.readAllLines(p.resolve("maps"))) {
                        if (l.endsWith(" " + path)) {
                            use = "maps it";
                            break;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // process gone or unreadable
                }
                if (use == null) {
                    try (DirectoryStream<Path> fds = Files.newDirectoryStream(p.resolve("fd"))) {
                        for (Path fd : fds) {
                            try {
                                if (Files.readSymbolicLink(fd).toString().equals(path)) {
                                    use = "has it open";
                                    break;
                                }
                            } catch (IOException e) {
                                // fd closed meanwhile
                            }
                        }
                    } catch (IOException e) {
                        // process gone or unreadable
                    }
                }
                if (use != null) {
                    out.add("process " + pid + " (" + comm(p) + ") " + use);
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to report
        }
        return out;
    }

    private static String comm(Path procPid) {
        try {
            return Files.readString(procPid.resolve("comm")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String unescape(String mountField) {
        return mountField.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    /** True when the first bytes of {@code /dev/name} hold the famfs superblock magic. */
    public boolean hasFamfsSuperblock(Status st) {
        Path dev = root.resolve("dev").resolve(st.name());
        if (!Files.exists(dev)) {
            return false;
        }
        long len = Math.max(st.align(), 4096);
        int fd = -1;
        try {
            if (Files.isRegularFile(dev)) { // an emulated tree: never map past the end of a file
                len = Math.min(len, Files.size(dev));
                if (len < 8) {
                    return false;
                }
            }
            fd = Posix.open(dev.toString(), Posix.O_RDONLY, 0);
            MemorySegment m = Posix.mmap(MemorySegment.NULL, len, Posix.PROT_READ, Posix.MAP_SHARED, fd, 0,
                    dev.toString()).reinterpret(len);
            try {
                return m.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 0)
                        == FAMFS_SUPER_MAGIC;
            } finally {
                Posix.munmap(m, len);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            Posix.closeQuietly(fd);
        }
    }

    /**
     * Switches {@code device} to {@code target} (devdax or system-ram; famfs where the kernel has
     * fsdev_dax). {@code force} allows making system RAM of a device that holds a famfs superblock
     * and unbinding a driver jfamfs does not know; {@code movable} onlines memory as
     * {@code online_movable} (what daxctl does by default) rather than {@code online}.
     * Returns the new status; throws with the reason and the state the device is left in.
     */
    public Status switchTo(String device, Mode target, boolean force, boolean movable) throws DaxModeException {
        if (target.driver() == null) {
            throw new DaxModeException("cannot switch to " + target.label() + ": expected devdax or system-ram");
        }
        Status st = status(device);
        String name = st.name();
        if (st.mode() == target) {
            log.accept(name + ": already in " + target.label() + " mode");
            return st;
        }
        if (!Files.isDirectory(driverDir(target.driver()))) {
            modprobe(target.driver());
        }
        if (!Files.isDirectory(driverDir(target.driver()))) {
            throw new DaxModeException(name + ": cannot switch to " + target.label() + ": this kernel has no "
                    + target.driver() + " dax driver (" + driverDir(target.driver()) + " is missing"
                    + (target == Mode.FAMFS ? "; famfs mode needs a famfs-patched kernel)" : "; modprobe "
                            + target.driver() + " failed)"));
        }
        switch (st.mode()) {
            case DEVDAX, FAMFS, UNKNOWN -> {
                if (st.mode() == Mode.UNKNOWN && !force) {
                    throw new DaxModeException(name + " is held by driver " + st.driver()
                            + ", which famfs does not know; refusing to unbind it (add --force to do it anyway)");
                }
                List<String> holders = holders(name);
                if (!holders.isEmpty()) {
                    throw new DaxModeException(name + " is in use and stays in " + st.mode().label() + " mode: "
                            + String.join("; ", holders) + ". Unmount it / stop those first.");
                }
                if (target == Mode.SYSTEM_RAM && !force && hasFamfsSuperblock(st)) {
                    throw new DaxModeException(name + " holds a famfs file system (superblock at offset 0); as "
                            + "system-ram its memory goes to this host's page allocator, which destroys the file "
                            + "system for every host that shares the device. It stays in " + st.mode().label()
                            + " mode (add --force to do it anyway).");
                }
                unbind(name, st.driver());
            }
            case SYSTEM_RAM -> {
                offlineAll(st);
                unbind(name, st.driver());
                quietly(driverDir("kmem").resolve("remove_id"), name);
            }
            case UNBOUND -> {
            }
        }
        try {
            bind(name, target.driver());
        } catch (DaxModeException e) {
            String left;
            if (st.driver() != null && st.mode() != Mode.SYSTEM_RAM && tryBind(name, st.driver())) {
                left = name + " is back in " + st.mode().label() + " mode";
            } else {
                left = name + " is now unbound; bind it with: "
                        + switchCommand(name, st.mode() == Mode.SYSTEM_RAM ? Mode.DEVDAX : st.mode());
            }
            throw new DaxModeException(e.getMessage() + "; " + left, e);
        }
        Status now = status(name);
        if (target == Mode.SYSTEM_RAM) {
            onlineAll(now, movable);
            now = status(name);
        } else if (target == Mode.DEVDAX && live) {
            waitFor(root.resolve("dev").resolve(name), 2000);
            now = status(name);
        }
        log.accept(now.describe());
        return now;
    }

    private void unbind(String name, String driver) throws DaxModeException {
        log.accept(name + ": unbinding from " + driver);
        Path attr = driverDir(driver).resolve("unbind");
        try {
            writer.write(attr, name);
        } catch (IOException e) {
            throw new DaxModeException(name + ": " + driver + " refused to let go of it (" + attr + ": "
                    + e.getMessage() + "); it stays as it was", e);
        }
        String still = currentDriver(name);
        if (still != null) {
            throw new DaxModeException(name + ": still bound to " + still + " after writing " + attr);
        }
    }

    private void bind(String name, String driver) throws DaxModeException {
        log.accept(name + ": binding to " + driver);
        // As libdaxctl's util_bind: new_id (adds the id and attaches), then bind; each may say EBUSY/EEXIST.
        IOException first = quietly(driverDir(driver).resolve("new_id"), name);
        IOException second = null;
        if (!driver.equals(currentDriver(name))) {
            second = quietly(driverDir(driver).resolve("bind"), name);
        }
        String now = currentDriver(name);
        if (!driver.equals(now)) {
            IOException why = second != null ? second : first;
            throw new DaxModeException(name + ": " + driver + " did not take it (bound to: "
                    + (now == null ? "nothing" : now) + (why == null ? "" : "; " + why.getMessage()) + ")");
        }
    }

    private boolean tryBind(String name, String driver) {
        try {
            bind(name, driver);
            return true;
        } catch (DaxModeException e) {
            return false;
        }
    }

    private IOException quietly(Path attr, String value) {
        try {
            writer.write(attr, value);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private String currentDriver(String name) {
        try {
            return Files.readSymbolicLink(daxDevices().resolve(name).resolve("driver")).getFileName().toString();
        } catch (IOException e) {
            return null;
        }
    }

    private void offlineAll(Status st) throws DaxModeException {
        List<MemoryBlock> done = new ArrayList<>();
        for (MemoryBlock b : st.blocks()) {
            if (!b.online()) {
                continue;
            }
            Path state = memoryDir().resolve("memory" + b.index()).resolve("state");
            log.accept(st.name() + ": offlining memory" + b.index());
            IOException failure = null;
            try {
                writer.write(state, "offline");
            } catch (IOException e) {
                failure = e;
            }
            String now = failure == null ? readString(state) : b.state();
            if (failure != null || !now.equals("offline")) {
                List<String> back = new ArrayList<>();
                for (MemoryBlock d : done) {
                    String how = d.zones().contains("Movable") ? "online_movable" : "online";
                    if (quietly(memoryDir().resolve("memory" + d.index()).resolve("state"), how) == null) {
                        back.add("memory" + d.index());
                    }
                }
                throw new DaxModeException(st.name() + " stays in system-ram mode: its memory block memory" + b.index()
                        + " (0x" + Long.toHexString(b.index() * st.blockSize()) + ", zone " + b.zones()
                        + ") cannot be offlined (" + (failure != null ? failure.getMessage() : "state is " + now)
                        + "): the kernel holds pages there that it cannot move (memory onlined as 'online' into "
                        + "ZONE_NORMAL often cannot be offlined). Free that memory or reboot."
                        + (back.isEmpty() ? "" : " Put back online: " + String.join(", ", back) + "."), failure);
            }
            done.add(b);
        }
    }

    private void onlineAll(Status st, boolean movable) throws DaxModeException {
        String how = movable ? "online_movable" : "online";
        List<String> failed = new ArrayList<>();
        for (MemoryBlock b : st.blocks()) {
            if (b.online()) {
                continue;
            }
            Path state = memoryDir().resolve("memory" + b.index()).resolve("state");
            log.accept(st.name() + ": " + how + " memory" + b.index());
            IOException e = quietly(state, how);
            if (e != null || !readString(state).startsWith("online")) {
                failed.add("memory" + b.index() + (e == null ? "" : " (" + e.getMessage() + ")"));
            }
        }
        if (!failed.isEmpty()) {
            throw new DaxModeException(st.name() + " is in system-ram mode but some of its memory did not go "
                    + "online: " + String.join(", ", failed));
        }
    }

    private void modprobe(String module) {
        if (!live) {
            return;
        }
        try {
            Process p = new ProcessBuilder("modprobe", module).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // no modprobe: the caller reports the missing driver
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(Path p, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!Files.exists(p) && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String readString(Path p) throws DaxModeException {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            throw new DaxModeException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static long readLong(Path p, int radix) throws DaxModeException {
        String s = readString(p);
        try {
            if (radix == 16 || s.startsWith("0x")) {
                return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new DaxModeException("cannot parse " + p + ": '" + s + "'", e);
        }
    }

    /** The real writer: one write(2) of the value to an existing attribute. */
    static void writeAttribute(Path attr, String value) throws IOException {
        try (FileChannel ch = FileChannel.open(attr, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(value.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v >= 1024 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        if (v < 10240 || u == units.length - 1) {
            return v + " " + units[u];
        }
        double d = bytes;
        int w = 0;
        while (d >= 1024 && w < units.length - 1) {
            d /= 1024;
            w++;
        }
        return String.format(Locale.ROOT, "%.1f %s", d, units[w]);
    }
}
