package io.jfamfs.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Every libc call jfamfs makes, as {@code static final} method handles with {@code errno} captured.
 * Each wrapper throws {@link ErrnoException} naming the call and its subject (a path or fd), so a
 * failure says what failed and where.
 */
public final class Posix {
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200,
            O_CLOEXEC = 02000000, O_NONBLOCK = 04000;
    public static final int PROT_READ = 1, PROT_WRITE = 2, PROT_NONE = 0;
    public static final int MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20,
            MAP_NORESERVE = 0x4000, MAP_POPULATE = 0x8000, MAP_SHARED_VALIDATE = 3, MAP_SYNC = 0x80000;
    public static final int MS_ASYNC = 1, MS_INVALIDATE = 2, MS_SYNC = 4;
    public static final int LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;
    public static final long MS_NOSUID = 2, MS_NODEV = 4, MS_RDONLY = 1;
    public static final int MNT_FORCE = 1, MNT_DETACH = 2;
    public static final int MADV_HUGEPAGE = 14;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");

    private static final MethodHandle OPEN = errnoCall("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = errnoCall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle READ = errnoCall("read",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = errnoCall("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITEV = errnoCall("writev",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle MMAP = errnoCall("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = errnoCall("munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle MSYNC = errnoCall("msync",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle MADVISE = errnoCall("madvise",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle FLOCK = errnoCall("flock",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle IOCTL_PTR = errnoCall("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle MOUNT = errnoCall("mount",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle UMOUNT2 = errnoCall("umount2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Posix() {
    }

    private static MethodHandle errnoCall(String name, FunctionDescriptor fd, Linker.Option... more) {
        Linker.Option[] options = new Linker.Option[more.length + 1];
        options[0] = CAPTURE;
        System.arraycopy(more, 0, options, 1, more.length);
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), fd, options);
    }

    /** A confined per-call errno slot; cheap enough for the control path. Hot paths pass their own. */
    public static MemorySegment newCallState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    /** Reads errno from a call-state segment filled by one of the {@code …With(state, …)} calls. */
    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** Returns libc's description of {@code errno}. */
    public static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** Opens {@code path} with {@code flags} (and {@code mode} when creating); returns the fd. */
    public static int open(String path, int flags, int mode) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags | O_CLOEXEC, mode);
            if (fd < 0) {
                throw ErrnoException.of(errno(state), "open " + path);
            }
            return fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Closes {@code fd}, ignoring errors: there is nothing a caller could do about them. */
    public static void closeQuietly(int fd) {
        if (fd < 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) CLOSE.invokeExact(arena.allocate(CALL_STATE), fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Reads into {@code buf}; returns the byte count, or {@code -errno} (no exception: hot path). */
    public static long read(MemorySegment state, int fd, MemorySegment buf, long len) {
        try {
            long n = (long) READ.invokeExact(state, fd, buf, len);
            return n < 0 ? -errno(state) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes {@code buf}; returns the byte count, or {@code -errno}. */
    public static long write(MemorySegment state, int fd, MemorySegment buf, long len) {
        try {
            long n = (long) WRITE.invokeExact(state, fd, buf, len);
            return n < 0 ? -errno(state) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Writes {@code count} iovecs ({@code {void* base; size_t len}} each); returns bytes or {@code -errno}. */
    public static long writev(MemorySegment state, int fd, MemorySegment iov, int count) {
        try {
            long n = (long) WRITEV.invokeExact(state, fd, iov, count);
            return n < 0 ? -errno(state) : n;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Maps {@code len} bytes of {@code fd} at {@code offset}; {@code addr} is a hint, or the exact
     * place with {@link #MAP_FIXED}. Returns the raw address segment (length 0; callers reinterpret).
     */
    public static MemorySegment mmap(MemorySegment addr, long len, int prot, int flags, int fd, long offset,
            String subject) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment p = (MemorySegment) MMAP.invokeExact(state, addr, len, prot, flags, fd, offset);
            if (p.address() == -1L) {
                throw ErrnoException.of(errno(state),
                        "mmap %s (offset=0x%x len=0x%x)".formatted(subject, offset, len));
            }
            return p;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Unmaps {@code [addr, addr+len)}. */
    public static void munmap(MemorySegment addr, long len) throws ErrnoException {
        simple(MUNMAP_CALL, addr, len, 0, "munmap");
    }

    /** Flushes a shared mapping to its backing store ({@code MS_SYNC}) or schedules it ({@code MS_ASYNC}). */
    public static void msync(MemorySegment addr, long len, int flags) throws ErrnoException {
        simple(MSYNC_CALL, addr, len, flags, "msync");
    }

    /** Gives the kernel a hint about a mapping; failures are reported. */
    public static void madvise(MemorySegment addr, long len, int advice) throws ErrnoException {
        simple(MADVISE_CALL, addr, len, advice, "madvise");
    }

    private static final int MUNMAP_CALL = 0, MSYNC_CALL = 1, MADVISE_CALL = 2;

    private static void simple(int which, MemorySegment addr, long len, int arg, String what)
            throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = switch (which) {
                case MUNMAP_CALL -> (int) MUNMAP.invokeExact(state, addr, len);
                case MSYNC_CALL -> (int) MSYNC.invokeExact(state, addr, len, arg);
                default -> (int) MADVISE.invokeExact(state, addr, len, arg);
            };
            if (rc < 0) {
                throw ErrnoException.of(errno(state),
                        "%s addr=0x%x len=0x%x".formatted(what, addr.address(), len));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Applies or removes an advisory whole-file lock; {@code subject} names the file for errors. */
    public static void flock(int fd, int op, String subject) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc;
            do {
                rc = (int) FLOCK.invokeExact(state, fd, op);
            } while (rc < 0 && errno(state) == Errno.EINTR.code());
            if (rc < 0) {
                throw ErrnoException.of(errno(state), "flock " + subject);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Calls {@code ioctl(fd, request, arg)} with a pointer argument; returns its non-negative result. */
    public static int ioctl(int fd, long request, MemorySegment arg, String subject) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) IOCTL_PTR.invokeExact(state, fd, request, arg);
            if (rc < 0) {
                throw ErrnoException.of(errno(state), "ioctl 0x%x %s".formatted(request, subject));
            }
            return rc;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Calls mount(2). */
    public static void mount(String source, String target, String fstype, long flags, String data)
            throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            // invokeExact needs the exact static type: a conditional expression here would be Object.
            MemorySegment options = data == null ? MemorySegment.NULL : arena.allocateFrom(data);
            int rc = (int) MOUNT.invokeExact(state, arena.allocateFrom(source), arena.allocateFrom(target),
                    arena.allocateFrom(fstype), flags, options);
            if (rc < 0) {
                throw ErrnoException.of(errno(state), "mount %s on %s (type %s)".formatted(source, target, fstype));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Calls umount2(2). */
    public static void umount2(String target, int flags) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) UMOUNT2.invokeExact(state, arena.allocateFrom(target), flags);
            if (rc < 0) {
                throw ErrnoException.of(errno(state), "umount " + target);
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
