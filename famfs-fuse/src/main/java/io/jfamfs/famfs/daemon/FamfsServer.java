package io.jfamfs.famfs.daemon;

import io.jfamfs.api.Famfs;
import io.jfamfs.fuse.session.FuseSession;
import io.jfamfs.fuse.session.MountOptions;
import java.io.IOException;
import java.time.Duration;

/** An open famfs mounted and served: the file system plus its FUSE session. Closing unmounts. */
public final class FamfsServer implements AutoCloseable {
    private final FamfsFileSystem fileSystem;
    private final FuseSession session;

    private FamfsServer(FamfsFileSystem fileSystem, FuseSession session) {
        this.fileSystem = fileSystem;
        this.session = session;
    }

    /**
     * Mounts {@code famfs} as {@code options} say (READDIRPLUS on; read-only when the config is) and
     * starts watching its log. The caller keeps owning {@code famfs} and closes it after this.
     */
    public static FamfsServer start(Famfs famfs, DaemonConfig config, MountOptions options) throws IOException {
        FamfsFileSystem fs = new FamfsFileSystem(famfs, config);
        FuseSession session = FuseSession.mount(fs, options.withReaddirplus(true).withReadOnly(config.readOnly()));
        fs.attach(session);
        return new FamfsServer(fs, session);
    }

    public FuseSession session() {
        return session;
    }

    public FamfsFileSystem fileSystem() {
        return fileSystem;
    }

    /** Waits until the mount goes away (umount, abort). */
    public void awaitUnmount() throws InterruptedException {
        session.join();
    }

    public boolean awaitUnmount(Duration timeout) throws InterruptedException {
        return session.awaitTermination(timeout);
    }

    /** Unmounts and waits for the readers to stop. */
    @Override
    public void close() {
        session.close();
    }
}
