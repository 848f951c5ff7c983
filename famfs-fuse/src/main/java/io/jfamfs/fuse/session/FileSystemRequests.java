package io.jfamfs.fuse.session;

import io.jfamfs.fuse.kernel.EntryOut;
import io.jfamfs.fuse.kernel.Opcode;
import io.jfamfs.fuse.kernel.OpenOut;
import io.jfamfs.fuse.kernel.Requests;
import io.jfamfs.fuse.kernel.SmallReplies;
import io.jfamfs.fuse.kernel.Wire;
import io.jfamfs.fuse.kernel.WireException;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The less frequent requests: namespace changes, xattrs, sync, access and the rest. Split from
 * {@link Dispatcher} so each stays readable; same contract (one reply per request).
 */
final class FileSystemRequests {
    private final FuseFileSystem fs;

    FileSystemRequests(FuseFileSystem fs) {
        this.fs = fs;
    }

    void handle(Opcode op, Request r, MemorySegment b, Channel ch) throws ErrnoException, WireException {
        long node = r.nodeId();
        switch (op) {
            case MKDIR -> {
                Requests.MkdirIn in = Requests.MkdirIn.decode(b);
                entry(ch, r, fs.mkdir(r, node, name(b, Requests.MkdirIn.LAYOUT.byteSize(), op), in.mode(), in.umask()));
            }
            case MKNOD -> {
                Requests.MknodIn in = Requests.MknodIn.decode(b);
                String name = name(b, Requests.MknodIn.LAYOUT.byteSize(), op);
                entry(ch, r, fs.mknod(r, node, name, in.mode(), in.rdev(), in.umask()));
            }
            case CREATE -> {
                Requests.CreateIn in = Requests.CreateIn.decode(b);
                String name = name(b, Requests.CreateIn.LAYOUT.byteSize(), op);
                FuseFileSystem.Created c = fs.create(r, node, name, in.mode(), in.umask(), in.flags());
                c.entry().encode(ch.payload(), 0);
                c.open().encode(ch.payload(), EntryOut.SIZE);
                ch.reply(r.unique(), EntryOut.SIZE + OpenOut.SIZE);
            }
            case SYMLINK -> {
                Wire.Name name = Wire.name(b, 0, "symlink");
                entry(ch, r, fs.symlink(r, node, name.value(), Wire.cstring(b, name.next(), "symlink").value()));
            }
            case LINK -> {
                long old = Requests.decodeLinkOldNode(b);
                entry(ch, r, fs.link(r, old, node, name(b, 8, op)));
            }
            case UNLINK -> {
                fs.unlink(r, node, name(b, 0, op));
                ch.reply(r.unique(), 0);
            }
            case RMDIR -> {
                fs.rmdir(r, node, name(b, 0, op));
                ch.reply(r.unique(), 0);
            }
            case RENAME, RENAME2 -> {
                Requests.RenameIn in = Requests.RenameIn.decode(b, op == Opcode.RENAME2);
                Wire.Name from = Wire.name(b, in.byteSize(), "rename");
                fs.rename(r, node, from.value(), in.newDir(), Wire.name(b, from.next(), "rename").value(), in.flags());
                ch.reply(r.unique(), 0);
            }
            case READLINK -> {
                byte[] target = fs.readlink(r, node).getBytes(StandardCharsets.UTF_8);
                ch.put(0, target);
                ch.reply(r.unique(), target.length);
            }
            default -> handleData(op, r, b, ch);
        }
    }

    private void handleData(Opcode op, Request r, MemorySegment b, Channel ch) throws ErrnoException, WireException {
        long node = r.nodeId();
        switch (op) {
            case FLUSH -> {
                fs.flush(r, node, Requests.FlushIn.decode(b).fh());
                ch.reply(r.unique(), 0);
            }
            case FSYNC, FSYNCDIR -> {
                Requests.FsyncIn in = Requests.FsyncIn.decode(b);
                boolean dataOnly = (in.fsyncFlags() & 1) != 0;
                if (op == Opcode.FSYNC) {
                    fs.fsync(r, node, in.fh(), dataOnly);
                } else {
                    fs.fsyncdir(r, node, in.fh(), dataOnly);
                }
                ch.reply(r.unique(), 0);
            }
            case ACCESS -> {
                fs.access(r, node, Requests.decodeAccessMask(b));
                ch.reply(r.unique(), 0);
            }
            case GETXATTR -> {
                int size = Requests.GetxattrIn.decode(b).size();
                String name = Wire.cstring(b, Requests.GetxattrIn.LAYOUT.byteSize(), "getxattr").value();
                Dispatcher.xattrValue(ch, r, size, fs.getxattr(r, node, name));
            }
            case LISTXATTR -> Dispatcher.xattrValue(ch, r, Requests.GetxattrIn.decode(b).size(),
                    Dispatcher.nulSeparated(fs.listxattr(r, node)));
            case SETXATTR -> {
                // SETXATTR_EXT is never negotiated, so the kernel sends the 8-byte compat struct.
                Requests.SetxattrIn in = Requests.SetxattrIn.decode(b, false);
                Wire.Name name = Wire.cstring(b, in.byteSize(), "setxattr");
                long size = Integer.toUnsignedLong(in.size());
                if (name.next() + size > b.byteSize()) {
                    throw new WireException("setxattr value of " + size + " bytes exceeds the request");
                }
                fs.setxattr(r, node, name.value(), b.asSlice(name.next(), size), in.flags());
                ch.reply(r.unique(), 0);
            }
            case REMOVEXATTR -> {
                fs.removexattr(r, node, Wire.cstring(b, 0, "removexattr").value());
                ch.reply(r.unique(), 0);
            }
            case FALLOCATE -> {
                Requests.FallocateIn in = Requests.FallocateIn.decode(b);
                fs.fallocate(r, node, in.fh(), in.offset(), in.length(), in.mode());
                ch.reply(r.unique(), 0);
            }
            case LSEEK -> {
                Requests.LseekIn in = Requests.LseekIn.decode(b);
                ch.reply(r.unique(), SmallReplies.encodeU64(ch.payload(), 0,
                        fs.lseek(r, node, in.fh(), in.offset(), in.whence())));
            }
            case COPY_FILE_RANGE -> {
                long n = fs.copyFileRange(r, node, Requests.CopyFileRangeIn.decode(b));
                ch.reply(r.unique(), SmallReplies.encodeSize(ch.payload(), 0, (int) Math.min(n, Integer.MAX_VALUE)));
            }
            case IOCTL -> ioctl(r, b, ch);
            case POLL -> {
                Wire.requireLength(b, 24, "fuse_poll_in");
                int revents = fs.poll(r, node, b.get(Wire.U64, 0), b.get(Wire.U32, 20));
                ch.reply(r.unique(), SmallReplies.encodeSize(ch.payload(), 0, revents));
            }
            default -> throw new ErrnoException(Errno.ENOSYS, "opcode " + op + " is not served");
        }
    }

    /** {@code fuse_ioctl_in} (32): fh, flags, cmd, arg, in_size, out_size; reply fuse_ioctl_out (16). */
    private void ioctl(Request r, MemorySegment b, Channel ch) throws ErrnoException, WireException {
        Wire.requireLength(b, 32, "fuse_ioctl_in");
        int result = fs.ioctl(r, r.nodeId(), b.get(Wire.U64, 0), b.get(Wire.U32, 8), b.get(Wire.U32, 12),
                b.get(Wire.U64, 16));
        MemorySegment p = ch.payload();
        p.asSlice(0, 16).fill((byte) 0);
        p.set(Wire.U32, 0, result);
        ch.reply(r.unique(), 16);
    }

    private static void entry(Channel ch, Request r, EntryOut e) {
        e.encode(ch.payload(), 0);
        ch.reply(r.unique(), EntryOut.SIZE);
    }

    private static String name(MemorySegment b, long offset, Opcode op) throws WireException {
        return Wire.name(b, offset, op.name().toLowerCase()).value();
    }
}
