package io.jfamfs.ns;

/** A directory or a file of the namespace; immutable except a directory's growing child list. */
public sealed interface Node permits DirNode, FileNode {
    /** The root directory's id. */
    long ROOT_ID = 1;

    /** Returns the stable id: 1 for the root, {@code index + 2} for the node made by log entry {@code index}. */
    long id();

    /** Returns the parent's id (the root is its own parent). */
    long parentId();

    /** Returns the last path component ("" for the root). */
    String name();

    /** Returns the path relative to the mount point ("" for the root). */
    String relpath();

    /** Returns the log entry index that made this node, or -1 for the root. */
    long index();

    /** Returns the permission bits as logged (e.g. 0644, 04755), without the file type bits. */
    int mode();

    int uid();

    int gid();

    /** Returns the id of the node that log entry {@code index} makes. */
    static long idOf(long index) {
        return index + 2;
    }
}
