package io.jfamfs.fuse.session;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/** The few libc calls the session needs that {@link io.jfamfs.sys.Posix} does not have; none can fail. */
@SuppressWarnings("restricted") // native access is granted by --enable-native-access, as for Posix
final class FuseCalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETEUID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("geteuid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETEGID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("getegid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
    /** {@code _IOR(229, 0, uint32_t)}: attach a fresh /dev/fuse fd to an existing connection. */
    static final long FUSE_DEV_IOC_CLONE = 0x8004E500L;

    private FuseCalls() {
    }

    /** Returns the effective uid (the mount's {@code user_id=}). */
    static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Returns the effective gid (the mount's {@code group_id=}). */
    static int getegid() {
        try {
            return (int) GETEGID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
