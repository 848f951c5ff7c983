package io.jfamfs.fuse.kernel;

/** A request from the kernel that does not match the ABI (short body, missing NUL, bad length). */
public final class WireException extends Exception {
    public WireException(String message) {
        super(message);
    }
}
