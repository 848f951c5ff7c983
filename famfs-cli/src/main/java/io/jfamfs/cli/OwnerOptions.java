package io.jfamfs.cli;

import picocli.CommandLine.Option;

/**
 * {@code -m/--mode} (octal), {@code -u/--uid}, {@code -g/--gid} for things a command creates. Unset
 * values take the command's defaults: usually the caller's effective ids and a mode masked by the umask.
 */
final class OwnerOptions {
    @Option(names = {"-m", "--mode"}, converter = Converters.Mode.class, paramLabel = "MODE",
            description = "Permission bits, octal (e.g. 0644).")
    Integer mode;

    @Option(names = {"-u", "--uid"}, converter = Converters.Base0Int.class, paramLabel = "UID",
            description = "Owner uid (default: the caller's effective uid).")
    Integer uid;

    @Option(names = {"-g", "--gid"}, converter = Converters.Base0Int.class, paramLabel = "GID",
            description = "Owner gid (default: the caller's effective gid).")
    Integer gid;

    /** Returns the requested mode, or {@code defaultMode & ~umask} when none was given. */
    int modeOr(int defaultMode) {
        return mode != null ? mode : defaultMode & ~ProcessIds.current().umask();
    }

    int uidOr(int defaultUid) {
        return uid != null ? uid : defaultUid;
    }

    int gidOr(int defaultGid) {
        return gid != null ? gid : defaultGid;
    }

    /** Rejects negative ids (the reference's {@code --uid=-1} is an error). */
    void validate(picocli.CommandLine.Model.CommandSpec spec) {
        if (uid != null && uid < 0) {
            throw Usage.error(spec, "invalid uid: " + uid);
        }
        if (gid != null && gid < 0) {
            throw Usage.error(spec, "invalid gid: " + gid);
        }
    }
}
