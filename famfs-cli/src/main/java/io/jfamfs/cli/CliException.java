package io.jfamfs.cli;

/**
 * A command failure with the exit code the reference CLI gives for it and a one-line message for
 * stderr. Thrown by commands; turned into output and an exit status by {@link Failures}.
 */
public final class CliException extends Exception {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Returns the process exit status (1..127). */
    public int exitCode() {
        return exitCode;
    }
}
