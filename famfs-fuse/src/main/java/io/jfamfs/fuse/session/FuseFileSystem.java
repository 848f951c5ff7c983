package io.jfamfs.fuse.session;

import io.jfamfs.fuse.kernel.AttrOut;
import io.jfamfs.fuse.kernel.DaxFmap;
import io.jfamfs.fuse.kernel.Dirents;
import io.jfamfs.fuse.kernel.EntryOut;
import io.jfamfs.fuse.kernel.OpenOut;
import io.jfamfs.fuse.kernel.Requests;
import io.jfamfs.fuse.kernel.SetattrIn;
import io.jfamfs.fuse.kernel.StatfsOut;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A file system served over a {@link FuseSession}, one method per request. Every default answers
 * {@code ENOSYS}; the kernel remembers ENOSYS for FLUSH, FSYNC(DIR), ACCESS, the xattr calls, OPEN
 * and OPENDIR (then it opens without asking), CREATE (then it uses MKNOD+OPEN), FALLOCATE, LSEEK,
 * COPY_FILE_RANGE and POLL, and stops sending them. STATX is answered ENOSYS on purpose: the kernel
 * then serves stat(2) and statx(2) from cached GETATTR results, whereas a STATX reply without a
 * birth time may make it ask again for every statx that wants one (famfs logs no times). Handlers run on the reader threads, several at
 * once; they throw {@link ErrnoException} to answer an error. Anything else thrown becomes EIO and a
 * log line; the session goes on.
 *
 * <p>Node ids are the file system's own; 1 is the root. Each successful LOOKUP, MKDIR, MKNOD, CREATE,
 * LINK, SYMLINK and READDIRPLUS entry (other than "." and "..") adds one to the kernel's lookup count
 * of that node, and {@link #forget} takes them back.
 */
public interface FuseFileSystem {
    /** Called once after INIT, before any other request. */
    default void init(Capabilities capabilities) {
    }

    /** Called on DESTROY (sent by the kernel only for fuseblk mounts) and when the session ends. */
    default void destroy() {
    }

    default EntryOut lookup(Request r, long parent, String name) throws ErrnoException {
        throw enosys("lookup");
    }

    /** Drops {@code nlookup} kernel references to {@code nodeId}; no reply is sent. */
    default void forget(long nodeId, long nlookup) {
    }

    /** Returns attributes; {@code fh} is the open handle or -1 when the kernel gave none. */
    default AttrOut getattr(Request r, long nodeId, long fh) throws ErrnoException {
        throw enosys("getattr");
    }

    default AttrOut setattr(Request r, long nodeId, SetattrIn in) throws ErrnoException {
        throw enosys("setattr");
    }

    default String readlink(Request r, long nodeId) throws ErrnoException {
        throw enosys("readlink");
    }

    default EntryOut symlink(Request r, long parent, String name, String target) throws ErrnoException {
        throw enosys("symlink");
    }

    default EntryOut mknod(Request r, long parent, String name, int mode, int rdev, int umask) throws ErrnoException {
        throw enosys("mknod");
    }

    default EntryOut mkdir(Request r, long parent, String name, int mode, int umask) throws ErrnoException {
        throw enosys("mkdir");
    }

    default void unlink(Request r, long parent, String name) throws ErrnoException {
        throw enosys("unlink");
    }

    default void rmdir(Request r, long parent, String name) throws ErrnoException {
        throw enosys("rmdir");
    }

    default void rename(Request r, long parent, String name, long newParent, String newName, int flags)
            throws ErrnoException {
        throw enosys("rename");
    }

    default EntryOut link(Request r, long nodeId, long newParent, String newName) throws ErrnoException {
        throw enosys("link");
    }

    /** Opens a file; {@code flags} are the open(2) flags. Return FOPEN_* flags in the reply. */
    default OpenOut open(Request r, long nodeId, int flags) throws ErrnoException {
        throw enosys("open");
    }

    /** Reads up to {@code size} bytes at {@code offset}; fewer means end of file. */
    default ReadReply read(Request r, long nodeId, long fh, long offset, int size) throws ErrnoException {
        throw enosys("read");
    }

    /**
     * Writes {@code data} (a slice of the request buffer, valid only during this call) at
     * {@code offset}; returns the number of bytes written.
     */
    default int write(Request r, long nodeId, long fh, long offset, MemorySegment data, int writeFlags)
            throws ErrnoException {
        throw enosys("write");
    }

    default StatfsOut statfs(Request r, long nodeId) throws ErrnoException {
        throw enosys("statfs");
    }

    default void release(Request r, long nodeId, long fh, int flags) throws ErrnoException {
    }

    default void fsync(Request r, long nodeId, long fh, boolean dataOnly) throws ErrnoException {
        throw enosys("fsync");
    }

    default void setxattr(Request r, long nodeId, String name, MemorySegment value, int flags) throws ErrnoException {
        throw enosys("setxattr");
    }

    /** Returns the value of attribute {@code name}; throw ENODATA when it does not exist. */
    default byte[] getxattr(Request r, long nodeId, String name) throws ErrnoException {
        throw enosys("getxattr");
    }

    default List<String> listxattr(Request r, long nodeId) throws ErrnoException {
        throw enosys("listxattr");
    }

    default void removexattr(Request r, long nodeId, String name) throws ErrnoException {
        throw enosys("removexattr");
    }

    default void flush(Request r, long nodeId, long fh) throws ErrnoException {
        throw enosys("flush");
    }

    default OpenOut opendir(Request r, long nodeId, int flags) throws ErrnoException {
        throw enosys("opendir");
    }

    /**
     * Adds the entries after cookie {@code offset} to {@code out} until it is full ({@code add}
     * returns false). An empty reply means the end of the directory.
     */
    default void readdir(Request r, long nodeId, long fh, long offset, Dirents out) throws ErrnoException {
        throw enosys("readdir");
    }

    /** As {@link #readdir} with an {@link EntryOut} per entry; used only if the session enables it. */
    default void readdirplus(Request r, long nodeId, long fh, long offset, Dirents out) throws ErrnoException {
        throw enosys("readdirplus");
    }

    default void releasedir(Request r, long nodeId, long fh) throws ErrnoException {
    }

    default void fsyncdir(Request r, long nodeId, long fh, boolean dataOnly) throws ErrnoException {
        throw enosys("fsyncdir");
    }

    /** Checks access(2) {@code mask}; with default_permissions the kernel checks modes itself. */
    default void access(Request r, long nodeId, int mask) throws ErrnoException {
        throw enosys("access");
    }

    /** Creates and opens a file (open with O_CREAT). */
    default Created create(Request r, long parent, String name, int mode, int umask, int flags)
            throws ErrnoException {
        throw enosys("create");
    }

    default void fallocate(Request r, long nodeId, long fh, long offset, long length, int mode)
            throws ErrnoException {
        throw enosys("fallocate");
    }

    default long lseek(Request r, long nodeId, long fh, long offset, int whence) throws ErrnoException {
        throw enosys("lseek");
    }

    default long copyFileRange(Request r, long nodeIdIn, Requests.CopyFileRangeIn in) throws ErrnoException {
        throw enosys("copy_file_range");
    }

    /** Answers an ioctl that carries no data in or out; returns its result. */
    default int ioctl(Request r, long nodeId, long fh, int flags, int cmd, long arg) throws ErrnoException {
        throw enosys("ioctl");
    }

    /** Returns the ready events among {@code events} (POLLIN etc). */
    default int poll(Request r, long nodeId, long fh, int events) throws ErrnoException {
        throw enosys("poll");
    }

    /** famfs kernels: returns the device map of a file (GET_FMAP, opcode 54). */
    default DaxFmap getFmap(Request r, long nodeId) throws ErrnoException {
        throw enosys("get_fmap");
    }

    /** famfs kernels: returns the path of daxdev {@code index} (GET_DAXDEV, opcode 55). */
    default String getDaxdev(Request r, int index) throws ErrnoException {
        throw enosys("get_daxdev");
    }

    /** The reply to CREATE: the new entry and its open handle. */
    record Created(EntryOut entry, OpenOut open) {
    }

    private static ErrnoException enosys(String op) {
        return new ErrnoException(Errno.ENOSYS, op + " is not implemented");
    }
}
