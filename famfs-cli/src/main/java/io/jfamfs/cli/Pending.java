package io.jfamfs.cli;

/** Placeholder for commands whose core/fuse adapters are not merged yet. */
final class Pending {
    private Pending() {
    }

    static CliException notYet(String what) {
        return new CliException(38, what + ": not available in this build yet (ENOSYS)");
    }
}
