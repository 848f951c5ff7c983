package io.jfamfs.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays the kernel's part for writes to dax-bus and memory-block attributes of a fake tree, as the
 * 6.1 dax bus did in the famfs-vm guests: new_id adds the id and attaches, bind of a bound device is
 * EBUSY, kmem adds the whole 128 MiB memory blocks of the range (offline), device_dax creates
 * /dev/daxX.Y, and a block listed in {@link #unofflinable} refuses to go offline with EBUSY.
 */
public final class FakeDaxKernel implements DaxModes.SysfsWriter {
    static final long BLOCK = 0x8000000L;
    final Path root;

    public FakeDaxKernel(Path root) {
        this.root = root;
    }

    /**
     * A tree like a famfs-vm guest's: device_dax and kmem drivers, 128 MiB memory blocks,
     * dax0.0 (8 GiB - 2 MiB at 0x100200000) and dax1.0 (1022 MiB at 0x300200000) in devdax mode.
     */
    public static FakeDaxKernel guestLike(Path root) throws IOException {
        FakeDaxKernel k = new FakeDaxKernel(root);
        for (String drv : List.of("device_dax", "kmem")) {
            Path d = Files.createDirectories(root.resolve("sys/bus/dax/drivers").resolve(drv));
            for (String a : List.of("bind", "unbind", "new_id", "remove_id")) {
                Files.writeString(d.resolve(a), "");
            }
        }
        Path mem = Files.createDirectories(root.resolve("sys/devices/system/memory"));
        Files.writeString(mem.resolve("block_size_bytes"), "8000000\n");
        Files.createDirectories(root.resolve("dev"));
        Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(root.resolve("proc/self/mountinfo"), "22 1 0:21 / /proc rw,nosuid - proc proc rw\n");
        k.device("dax0.0", 0x100200000L, 8587837440L, "device_dax");
        k.device("dax1.0", 0x300200000L, 1071644672L, "device_dax");
        return k;
    }

    public final List<String> writes = new ArrayList<>();
    public final Set<Integer> unofflinable = new HashSet<>();
    public final Set<String> refuse = new HashSet<>();
    final Map<String, Set<String>> ids = new HashMap<>();
    final Map<String, long[]> ranges = new HashMap<>();

    public void device(String name, long start, long size, String driver) throws IOException {
        Path d = Files.createDirectories(root.resolve("sys/bus/dax/devices").resolve(name));
        Files.writeString(d.resolve("size"), size + "\n");
        Files.writeString(d.resolve("align"), "2097152\n");
        Files.writeString(d.resolve("resource"), "0x" + Long.toHexString(start) + "\n");
        Path m = Files.createDirectories(d.resolve("mapping0"));
        Files.writeString(m.resolve("start"), "0x" + Long.toHexString(start) + "\n");
        Files.writeString(m.resolve("end"), "0x" + Long.toHexString(start + size - 1) + "\n");
        ranges.put(name, new long[] {start, start + size - 1});
        attach(name, driver);
    }

    private Path link(String name) {
        return root.resolve("sys/bus/dax/devices").resolve(name).resolve("driver");
    }

    private String bound(String name) {
        try {
            return Files.readSymbolicLink(link(name)).getFileName().toString();
        } catch (IOException e) {
            return null;
        }
    }

    private void attach(String name, String driver) throws IOException {
        Files.createSymbolicLink(link(name), Path.of("../../../bus/dax/drivers/" + driver));
        if (driver.equals("device_dax")) {
            try (var ch = java.nio.channels.FileChannel.open(root.resolve("dev").resolve(name),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
                if (ch.size() == 0) {
                    ch.truncate(0);
                }
            }
        } else if (driver.equals("kmem")) {
            long[] r = ranges.get(name);
            for (long i = Math.ceilDiv(r[0], BLOCK); i <= (r[1] + 1) / BLOCK - 1; i++) {
                Path b = Files.createDirectories(root.resolve("sys/devices/system/memory/memory" + i));
                Files.writeString(b.resolve("state"), "offline\n");
                Files.writeString(b.resolve("valid_zones"), "Normal Movable\n");
            }
        }
    }

    private void detach(String name, String driver) throws IOException {
        Files.delete(link(name));
        if (driver.equals("device_dax")) {
            Files.deleteIfExists(root.resolve("dev").resolve(name));
        } else if (driver.equals("kmem")) {
            long[] r = ranges.get(name);
            for (long i = Math.ceilDiv(r[0], BLOCK); i <= (r[1] + 1) / BLOCK - 1; i++) {
                Path b = root.resolve("sys/devices/system/memory/memory" + i);
                Files.delete(b.resolve("state"));
                Files.delete(b.resolve("valid_zones"));
                Files.delete(b);
            }
        }
    }

    @Override
    public void write(Path attr, String value) throws IOException {
        Path rel = root.relativize(attr);
        String shortName = rel.getParent().getFileName() + "/" + rel.getFileName();
        writes.add(shortName + "=" + value);
        if (rel.startsWith("sys/bus/dax/drivers")) {
            String drv = rel.getParent().getFileName().toString();
            String op = rel.getFileName().toString();
            String cur = bound(value);
            switch (op) {
                case "unbind" -> {
                    if (!drv.equals(cur)) {
                        throw new IOException("No such device");
                    }
                    detach(value, drv);
                }
                case "new_id" -> {
                    ids.computeIfAbsent(drv, k -> new HashSet<>()).add(value);
                    if (cur == null && !refuse.contains(drv)) {
                        attach(value, drv);
                    }
                }
                case "bind" -> {
                    if (cur != null) {
                        throw new IOException("Device or resource busy");
                    }
                    if (refuse.contains(drv)) {
                        throw new IOException("No such device");
                    }
                    attach(value, drv);
                }
                case "remove_id" -> ids.getOrDefault(drv, new HashSet<>()).remove(value);
                default -> throw new IOException("Permission denied");
            }
        } else if (rel.startsWith("sys/devices/system/memory") && rel.getFileName().toString().equals("state")) {
            int idx = Integer.parseInt(rel.getParent().getFileName().toString().substring(6));
            if (value.equals("offline") && unofflinable.contains(idx)) {
                throw new IOException("Device or resource busy");
            }
            String zone = value.equals("online_movable") ? "Movable" : value.equals("online") ? "Normal" : "Normal Movable";
            Files.writeString(attr, (value.startsWith("online") ? "online" : "offline") + "\n");
            Files.writeString(attr.resolveSibling("valid_zones"), zone + "\n");
        } else {
            throw new IOException("Permission denied");
        }
    }
}
