package io.jfamfs.ns;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A directory: attributes plus its children in the order the log made them. */
public final class DirNode implements Node {
    private final long id;
    private final long parentId;
    private final String name;
    private final String relpath;
    private final long index;
    private final int mode;
    private final int uid;
    private final int gid;
    private final ConcurrentHashMap<String, Node> byName = new ConcurrentHashMap<>();
    private final AppendOnlyList<Node> ordered = new AppendOnlyList<>();

    DirNode(long id, long parentId, String name, String relpath, long index, int mode, int uid, int gid) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
        this.relpath = relpath;
        this.index = index;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
    }

    /** Adds a child; the namespace's writer lock is held. */
    void add(Node child) {
        byName.put(child.name(), child);
        ordered.add(child);
    }

    /** Returns the child called {@code name}. */
    public Optional<Node> findChild(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Returns the child called {@code name}, or {@code null}. */
    public Node childOrNull(String name) {
        return byName.get(name);
    }

    /** Returns the children in creation order (an immutable snapshot). */
    public List<Node> children() {
        return ordered.snapshot();
    }

    /** Returns the number of children. */
    public int childCount() {
        return ordered.size();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public long parentId() {
        return parentId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String relpath() {
        return relpath;
    }

    @Override
    public long index() {
        return index;
    }

    @Override
    public int mode() {
        return mode;
    }

    @Override
    public int uid() {
        return uid;
    }

    @Override
    public int gid() {
        return gid;
    }

    @Override
    public String toString() {
        return "DirNode[id=%d relpath=%s mode=0%o uid=%d gid=%d children=%d]"
                .formatted(id, relpath, mode, uid, gid, childCount());
    }
}
