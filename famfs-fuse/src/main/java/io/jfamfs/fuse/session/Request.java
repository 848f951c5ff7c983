package io.jfamfs.fuse.session;

/** Who asks: the caller's credentials and the request's unique id, for logs and permission checks. */
public record Request(long unique, long nodeId, int uid, int gid, int pid) {
}
