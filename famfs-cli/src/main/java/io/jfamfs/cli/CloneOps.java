package io.jfamfs.cli;

import io.jfamfs.api.Famfs;
import io.jfamfs.ns.FileNode;
import io.jfamfs.ns.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code famfs clone}: a testing aid that logs DEST with SRC's extents, cross-linking the file system on
 * purpose so that {@code fsck} has something to find ({@link Famfs#cloneForTesting}).
 */
final class CloneOps {
    private CloneOps() {
    }

    static void clone(Path src, Path dest) throws IOException, CliException {
        Mounted.Location from = Mounted.require(src, 1);
        Mounted.Location to = Mounted.require(dest, 1);
        if (!from.mount().equals(to.mount())) {
            throw new CliException(18, "SRC and DEST are in different file systems (EXDEV)");
        }
        try (Famfs fs = Mounted.open(from.mount(), true)) {             // master only, as the reference
            Optional<Node> n = fs.namespace().find(from.relpath());
            if (n.isEmpty() || !(n.get() instanceof FileNode)) {
                throw new CliException(1, "not a famfs file: " + src);
            }
            var problem = fs.namespace().checkNewPath(to.relpath());
            if (problem.isPresent()) {
                throw new CliException(1, "cannot clone to " + dest + ": " + problem.get().reason());
            }
            fs.cloneForTesting(from.relpath(), to.relpath());
        }
    }
}
