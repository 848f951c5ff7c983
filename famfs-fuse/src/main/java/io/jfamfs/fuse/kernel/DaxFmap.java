package io.jfamfs.fuse.kernel;

import java.util.List;

/**
 * The plain values of a GET_FMAP reply (famfs kernels, proposed protocol 7.46): which device ranges
 * make up a file, so that the kernel resolves page faults itself. Built by the file system; encoded
 * by {@link FmapCodec}.
 *
 * @param fileType {@code enum fuse_famfs_file_type}: 0 regular, 1 superblock, 2 log
 * @param fileSize the file's size in bytes (extents may be longer: they are allocation-rounded)
 */
public record DaxFmap(int fileType, long fileSize, Layout layout) {
    public static final int FILE_REG = 0, FILE_SUPERBLOCK = 1, FILE_LOG = 2;

    /** How the bytes are laid out: simple extents end to end, or interleaved (striped) extents. */
    public sealed interface Layout permits Simple, Interleaved {
    }

    /** {@code FUSE_FAMFS_EXT_SIMPLE} (0): the file is the extents laid end to end. */
    public record Simple(List<Extent> extents) implements Layout {
        public Simple {
            extents = List.copyOf(extents);
        }
    }

    /** {@code FUSE_FAMFS_EXT_INTERLEAVE} (1): one or more interleaved extents, each striped. */
    public record Interleaved(List<Stripes> iexts) implements Layout {
        public Interleaved {
            iexts = List.copyOf(iexts);
        }
    }

    /** One interleaved extent: {@code nbytes} of file striped over {@code strips} in {@code chunkSize} chunks. */
    public record Stripes(long chunkSize, long nbytes, List<Extent> strips) {
        public Stripes {
            strips = List.copyOf(strips);
        }
    }

    /** {@code length} bytes at byte {@code offset} of daxdev number {@code devIndex}. */
    public record Extent(long devIndex, long offset, long length) {
    }
}
