package io.jfamfs.fuse.session;

import io.jfamfs.fuse.kernel.AttrOut;
import io.jfamfs.fuse.kernel.Dirents;
import io.jfamfs.fuse.kernel.EntryOut;
import io.jfamfs.fuse.kernel.FmapCodec;
import io.jfamfs.fuse.kernel.InHeader;
import io.jfamfs.fuse.kernel.Opcode;
import io.jfamfs.fuse.kernel.OpenOut;
import io.jfamfs.fuse.kernel.Requests;
import io.jfamfs.fuse.kernel.SetattrIn;
import io.jfamfs.fuse.kernel.SmallReplies;
import io.jfamfs.fuse.kernel.StatfsOut;
import io.jfamfs.fuse.kernel.Wire;
import io.jfamfs.fuse.kernel.WireException;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes one request, calls the file system and encodes its answer. Every request that expects a
 * reply gets exactly one, whatever the handler does: ErrnoException → its errno, a malformed request
 * → EINVAL, anything else → EIO plus a log line.
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    private final FuseFileSystem fs;
    private final FileSystemRequests ops;

    Dispatcher(FuseFileSystem fs) {
        this.fs = fs;
        this.ops = new FileSystemRequests(fs);
    }

    /** Handles the request in {@code ch.buffer} described by {@code h}. */
    void dispatch(Channel ch, InHeader h) {
        Opcode op = h.op();
        if (op != null && !op.expectsReply()) {
            noReply(op, h, ch.buffer);
            return;
        }
        try {
            if (op == null) {
                throw new ErrnoException(Errno.ENOSYS, "unknown opcode " + h.opcode());
            }
            Request r = new Request(h.unique(), h.nodeId(), h.uid(), h.gid(), h.pid());
            handle(op, r, h.body(ch.buffer), ch);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.ENOSYS.code() && e.errno() != Errno.ENOENT.code()) {
                LOG.log(System.Logger.Level.DEBUG, "{0} node={1}: {2}", op, h.nodeId(), e.getMessage());
            }
            ch.replyError(h.unique(), e.errno());
        } catch (WireException e) {
            LOG.log(System.Logger.Level.WARNING, "malformed {0} request unique={1}: {2}", op, h.unique(), e.getMessage());
            ch.replyError(h.unique(), Errno.EINVAL.code());
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "%s node=%d failed: %s".formatted(op, h.nodeId(), e), e);
            ch.replyError(h.unique(), Errno.EIO.code());
        }
    }

    private void noReply(Opcode op, InHeader h, MemorySegment buffer) {
        try {
            switch (op) {
                case FORGET -> {
                    Requests.Forget f = Requests.Forget.decode(h.nodeId(), h.body(buffer));
                    fs.forget(f.nodeId(), f.nlookup());
                }
                case BATCH_FORGET -> {
                    for (Requests.Forget f : Requests.Forget.decodeBatch(h.body(buffer))) {
                        fs.forget(f.nodeId(), f.nlookup());
                    }
                }
                default -> {
                    // INTERRUPT: requests are answered synchronously, so there is nothing to cancel.
                }
            }
        } catch (WireException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: {1}", op, e.toString());
        }
    }

    private void handle(Opcode op, Request r, MemorySegment b, Channel ch) throws ErrnoException, WireException {
        long node = r.nodeId();
        switch (op) {
            case LOOKUP -> entry(ch, r, fs.lookup(r, node, Wire.name(b, 0, "lookup").value()));
            case GETATTR -> {
                Requests.GetattrIn g = Requests.GetattrIn.decode(b);
                attr(ch, r, fs.getattr(r, node, (g.getattrFlags() & Requests.GetattrIn.GETATTR_FH) != 0 ? g.fh() : -1));
            }
            case SETATTR -> attr(ch, r, fs.setattr(r, node, SetattrIn.decode(b)));
            case OPEN, OPENDIR -> {
                Requests.OpenIn in = Requests.OpenIn.decode(b);
                OpenOut out = op == Opcode.OPEN ? fs.open(r, node, in.flags()) : fs.opendir(r, node, in.flags());
                out.encode(ch.payload(), 0);
                ch.reply(r.unique(), OpenOut.SIZE);
            }
            case READ -> read(ch, r, Requests.ReadIn.decode(b));
            case WRITE -> {
                Requests.WriteIn w = Requests.WriteIn.decode(b);
                int n = fs.write(r, node, w.fh(), w.offset(), w.data(b), w.writeFlags());
                ch.reply(r.unique(), SmallReplies.encodeSize(ch.payload(), 0, n));
            }
            case READDIR, READDIRPLUS -> readdir(ch, r, Requests.ReadIn.decode(b), op == Opcode.READDIRPLUS);
            case RELEASE -> {
                Requests.ReleaseIn in = Requests.ReleaseIn.decode(b);
                fs.release(r, node, in.fh(), in.flags());
                ch.reply(r.unique(), 0);
            }
            case RELEASEDIR -> {
                fs.releasedir(r, node, Requests.ReleaseIn.decode(b).fh());
                ch.reply(r.unique(), 0);
            }
            case STATFS -> {
                StatfsOut s = fs.statfs(r, node);
                s.encode(ch.payload(), 0);
                ch.reply(r.unique(), StatfsOut.SIZE);
            }
            case GET_FMAP -> getFmap(ch, r, Requests.GetxattrIn.decode(b).size());
            case GET_DAXDEV -> {
                int index = Requests.decodeGetDaxdev(b);
                ch.reply(r.unique(), FmapCodec.encodeDaxdev(ch.payload(), index, fs.getDaxdev(r, index)));
            }
            case DESTROY -> {
                fs.destroy();
                ch.reply(r.unique(), 0);
            }
            case INIT -> throw new ErrnoException(Errno.EIO, "second INIT on an initialised session");
            default -> ops.handle(op, r, b, ch);
        }
    }

    private static void entry(Channel ch, Request r, EntryOut e) {
        e.encode(ch.payload(), 0);
        ch.reply(r.unique(), EntryOut.SIZE);
    }

    private static void attr(Channel ch, Request r, AttrOut a) {
        a.encode(ch.payload(), 0);
        ch.reply(r.unique(), AttrOut.SIZE);
    }

    private void read(Channel ch, Request r, Requests.ReadIn in) throws ErrnoException {
        ReadReply data = fs.read(r, r.nodeId(), in.fh(), in.offset(), in.size());
        if (data.length() > Integer.toUnsignedLong(in.size())) {
            throw new IllegalStateException("read returned %d bytes for a request of %d".formatted(data.length(),
                    Integer.toUnsignedLong(in.size())));
        }
        ch.replyData(r.unique(), data);
    }

    private void readdir(Channel ch, Request r, Requests.ReadIn in, boolean plus) throws ErrnoException {
        Dirents out = new Dirents(ch.payload(), Integer.toUnsignedLong(in.size()), plus);
        if (plus) {
            fs.readdirplus(r, r.nodeId(), in.fh(), in.offset(), out);
        } else {
            fs.readdir(r, r.nodeId(), in.fh(), in.offset(), out);
        }
        ch.reply(r.unique(), out.size());
    }

    private void getFmap(Channel ch, Request r, int size) throws ErrnoException {
        var fmap = fs.getFmap(r, r.nodeId());
        long need = FmapCodec.encodedSize(fmap);
        if (size != 0 && need > Integer.toUnsignedLong(size)) {
            throw new ErrnoException(Errno.ERANGE, "fmap of %d bytes exceeds the kernel's %d".formatted(need, size));
        }
        ch.reply(r.unique(), FmapCodec.encode(fmap, ch.payload()));
    }

    /** Sends a GETXATTR/LISTXATTR style answer: the size when asked for 0 bytes, else the value. */
    static void xattrValue(Channel ch, Request r, int size, byte[] value) throws ErrnoException {
        if (size == 0) {
            ch.reply(r.unique(), SmallReplies.encodeSize(ch.payload(), 0, value.length));
        } else if (value.length > Integer.toUnsignedLong(size)) {
            throw new ErrnoException(Errno.ERANGE, "value of " + value.length + " bytes exceeds " + size);
        } else {
            ch.put(0, value);
            ch.reply(r.unique(), value.length);
        }
    }

    /** Encodes xattr names as the kernel wants them: each followed by a NUL. */
    static byte[] nulSeparated(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(n).append('\0');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
