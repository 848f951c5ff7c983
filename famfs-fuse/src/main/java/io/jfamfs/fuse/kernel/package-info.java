/**
 * The Linux {@code /dev/fuse} ABI at protocol 7.45 (plus the proposed 7.46 fmap replies): opcodes,
 * INIT capability bits, and every request and reply struct as a {@link java.lang.foreign.MemoryLayout}
 * at fixed offsets, with pure decoders and encoders. It knows FUSE, not any file system: no I/O, no
 * threads, no famfs types. Mirrors {@code include/uapi/linux/fuse.h}; the installed headers are older,
 * so the layouts are written out here and pinned by tests.
 */
package io.jfamfs.fuse.kernel;
