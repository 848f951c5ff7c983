package io.jfamfs.fuse.session;

import java.nio.file.Path;

/**
 * How to mount: the name shown as the mount source (mount(2)'s source argument; {@code fsname=} is
 * refused by the kernel), the mountpoint, the type {@code fuse.<subtype>}, the kernel options and the
 * reader thread count.
 *
 * @param readdirplus negotiate READDIRPLUS (the file system must implement {@code readdirplus})
 * @param requestDaxFmap ask for famfs GET_FMAP mode when the kernel offers it (bit 43, minor ≥ 46)
 */
public record MountOptions(String source, Path mountpoint, String subtype, boolean allowOther,
        boolean defaultPermissions, boolean readOnly, int threads, int maxWrite, boolean readdirplus,
        boolean requestDaxFmap) {
    public static final int DEFAULT_MAX_WRITE = 1 << 20;

    public MountOptions {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64: " + threads);
        }
        if (maxWrite < 4096 || maxWrite > (1 << 24)) {
            throw new IllegalArgumentException("max_write must be 4 KiB..16 MiB: " + maxWrite);
        }
        if (source.isEmpty()) {
            throw new IllegalArgumentException("empty mount source");
        }
    }

    /** Returns the defaults: type fuse.jfamfs, allow_other, default_permissions, min(4, cores) threads. */
    public static MountOptions of(String source, Path mountpoint) {
        return new MountOptions(source, mountpoint, "jfamfs", true, true, false,
                Math.min(4, Runtime.getRuntime().availableProcessors()), DEFAULT_MAX_WRITE, false, false);
    }

    public MountOptions withThreads(int n) {
        return new MountOptions(source, mountpoint, subtype, allowOther, defaultPermissions, readOnly, n, maxWrite,
                readdirplus, requestDaxFmap);
    }

    public MountOptions withAllowOther(boolean on) {
        return new MountOptions(source, mountpoint, subtype, on, defaultPermissions, readOnly, threads, maxWrite,
                readdirplus, requestDaxFmap);
    }

    public MountOptions withDefaultPermissions(boolean on) {
        return new MountOptions(source, mountpoint, subtype, allowOther, on, readOnly, threads, maxWrite,
                readdirplus, requestDaxFmap);
    }

    public MountOptions withReadOnly(boolean on) {
        return new MountOptions(source, mountpoint, subtype, allowOther, defaultPermissions, on, threads, maxWrite,
                readdirplus, requestDaxFmap);
    }

    public MountOptions withReaddirplus(boolean on) {
        return new MountOptions(source, mountpoint, subtype, allowOther, defaultPermissions, readOnly, threads,
                maxWrite, on, requestDaxFmap);
    }

    /** Returns the file system type passed to mount(2), e.g. {@code fuse.jfamfs}. */
    public String fsType() {
        return "fuse." + subtype;
    }

    /** Returns the mount(2) data string for the /dev/fuse descriptor {@code fd}. */
    String kernelOptions(int fd, int uid, int gid) {
        StringBuilder sb = new StringBuilder("fd=%d,rootmode=40000,user_id=%d,group_id=%d".formatted(fd, uid, gid));
        if (defaultPermissions) {
            sb.append(",default_permissions");
        }
        if (allowOther) {
            sb.append(",allow_other");
        }
        return sb.append(",max_read=").append(maxWrite).toString();
    }
}
