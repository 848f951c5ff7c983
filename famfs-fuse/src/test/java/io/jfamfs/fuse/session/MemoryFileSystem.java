package io.jfamfs.fuse.session;

import io.jfamfs.fuse.kernel.Attr;
import io.jfamfs.fuse.kernel.AttrOut;
import io.jfamfs.fuse.kernel.Dirents;
import io.jfamfs.fuse.kernel.EntryOut;
import io.jfamfs.fuse.kernel.OpenOut;
import io.jfamfs.fuse.kernel.StatfsOut;
import io.jfamfs.sys.Errno;
import io.jfamfs.sys.ErrnoException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A tiny fixed-size in-memory file system for session tests: a root with files and one subdirectory. */
final class MemoryFileSystem implements FuseFileSystem {
    record Node(long id, long parent, String name, boolean dir, MemorySegment data, Duration attrTimeout) {
    }

    final Arena arena = Arena.ofShared();
    final Map<Long, Node> nodes = new ConcurrentHashMap<>();
    final Map<Long, Long> sizeOverride = new ConcurrentHashMap<>();
    private long nextId = 2;

    MemoryFileSystem() {
        nodes.put(1L, new Node(1, 1, "", true, null, Duration.ZERO));
    }

    Node addFile(long parent, String name, MemorySegment data, Duration attrTimeout) {
        Node n = new Node(nextId++, parent, name, false, data, attrTimeout);
        nodes.put(n.id(), n);
        return n;
    }

    Node addDir(long parent, String name) {
        Node n = new Node(nextId++, parent, name, true, null, Duration.ZERO);
        nodes.put(n.id(), n);
        return n;
    }

    MemorySegment nativeText(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return arena.allocate(b.length).copyFrom(MemorySegment.ofArray(b));
    }

    private Node require(long id) throws ErrnoException {
        Node n = nodes.get(id);
        if (n == null) {
            throw new ErrnoException(Errno.ENOENT, "no node " + id);
        }
        return n;
    }

    Attr attr(Node n) {
        long size = n.dir() ? 0 : sizeOverride.getOrDefault(n.id(), n.data().byteSize());
        return Attr.of(n.id(), n.dir() ? Attr.S_IFDIR | 0755 : Attr.S_IFREG | 0644, n.dir() ? 2 : 1, size, 0, 0,
                1_700_000_000L);
    }

    private EntryOut entry(Node n) {
        return new EntryOut(n.id(), 0, n.attrTimeout(), n.attrTimeout(), attr(n));
    }

    @Override
    public EntryOut lookup(Request r, long parent, String name) throws ErrnoException {
        for (Node n : nodes.values()) {
            if (n.parent() == parent && n.id() != 1 && n.name().equals(name)) {
                return entry(n);
            }
        }
        throw new ErrnoException(Errno.ENOENT, name);
    }

    @Override
    public AttrOut getattr(Request r, long nodeId, long fh) throws ErrnoException {
        Node n = require(nodeId);
        return new AttrOut(n.attrTimeout(), attr(n));
    }

    @Override
    public OpenOut open(Request r, long nodeId, int flags) throws ErrnoException {
        require(nodeId);
        return new OpenOut(nodeId, OpenOut.FOPEN_DIRECT_IO);
    }

    @Override
    public OpenOut opendir(Request r, long nodeId, int flags) throws ErrnoException {
        require(nodeId);
        return new OpenOut(0, 0);
    }

    @Override
    public ReadReply read(Request r, long nodeId, long fh, long offset, int size) throws ErrnoException {
        Node n = require(nodeId);
        if (n.name().equals("boom")) {
            throw new IllegalStateException("deliberate failure in a handler");
        }
        long len = n.data().byteSize();
        if (offset >= len) {
            return ReadReply.EMPTY;
        }
        long count = Math.min(size, len - offset);
        if (n.name().equals("split.bin") && count > 1) { // exercise a two-segment reply
            long half = count / 2;
            return ReadReply.of(n.data().asSlice(offset, half), n.data().asSlice(offset + half, count - half));
        }
        return ReadReply.of(n.data().asSlice(offset, count));
    }

    @Override
    public int write(Request r, long nodeId, long fh, long offset, MemorySegment data, int writeFlags)
            throws ErrnoException {
        Node n = require(nodeId);
        if (offset + data.byteSize() > n.data().byteSize()) {
            throw new ErrnoException(Errno.EFBIG, "fixed size");
        }
        MemorySegment.copy(data, 0, n.data(), offset, data.byteSize());
        return (int) data.byteSize();
    }

    @Override
    public void readdir(Request r, long nodeId, long fh, long offset, Dirents out) throws ErrnoException {
        require(nodeId);
        Map<String, Node> children = new LinkedHashMap<>();
        nodes.values().stream().filter(n -> n.parent() == nodeId && n.id() != 1).sorted((a, b) ->
                Long.compare(a.id(), b.id())).forEach(n -> children.put(n.name(), n));
        long cookie = 0;
        for (Node n : children.values()) {
            cookie++;
            if (cookie <= offset) {
                continue;
            }
            if (!out.add(n.id(), n.dir() ? 4 : 8, n.name(), cookie, null)) {
                return;
            }
        }
    }

    @Override
    public StatfsOut statfs(Request r, long nodeId) {
        return new StatfsOut(1000, 600, 600, 100, 90, 4096, 255, 4096);
    }

    @Override
    public void flush(Request r, long nodeId, long fh) {
    }

    @Override
    public EntryOut mkdir(Request r, long parent, String name, int mode, int umask) throws ErrnoException {
        throw new ErrnoException(Errno.EROFS, "read-only namespace");
    }
}
