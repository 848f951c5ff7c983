package io.jfamfs.fuse.session;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.jfamfs.sys.ErrnoException;
import io.jfamfs.sys.Posix;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** The few libc calls the session needs that {@link io.jfamfs.sys.Posix} does not have; none can fail. */
@SuppressWarnings("restricted") // native access is granted by --enable-native-access, as for Posix
final class FuseCalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETEUID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("geteuid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETEGID = LINKER.downcallHandle(
            LINKER.defaultLookup().find("getegid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
    /*
     * mount(2) is here rather than Posix.mount because that one passes its data argument as a
     * conditional expression to invokeExact, which javac types as Object: WrongMethodTypeException.
     */
    private static final MethodHandle MOUNT = LINKER.downcallHandle(LINKER.defaultLookup().find("mount").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS),
            Linker.Option.captureCallState("errno"));
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

    /** Calls mount(2); {@code data} may be null. */
    static void mount(String source, String target, String fstype, long flags, String data) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Posix.newCallState(arena);
            MemorySegment dataArg = MemorySegment.NULL;
            if (data != null) {
                dataArg = arena.allocateFrom(data);
            }
            int rc = (int) MOUNT.invokeExact(state, arena.allocateFrom(source), arena.allocateFrom(target),
                    arena.allocateFrom(fstype), flags, dataArg);
            if (rc < 0) {
                throw ErrnoException.of(Posix.errno(state), "mount %s on %s (type %s)".formatted(source, target, fstype));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
