/**
 * The public Java API of jfamfs: {@link io.jfamfs.api.Famfs} opens or formats a device, tells this
 * host's role (master or client), creates directories and files on the master, looks files up, maps
 * them as one contiguous {@link java.lang.foreign.MemorySegment} and hands the FUSE daemon zero-copy
 * device ranges; {@link io.jfamfs.api.FamfsFile} is one file. Everything else in famfs-core serves it.
 *
 * <pre>{@code
 * try (Famfs fs = Famfs.open(Path.of("/dev/shm/famfs0"))) {      // or /dev/dax0.0
 *     FamfsFile f = fs.create("data/matrix.bin", 1L << 30);      // master only
 *     MemorySegment m = f.map();                                  // the device memory itself
 *     m.setAtIndex(ValueLayout.JAVA_LONG, 0, 42);
 * }
 * }</pre>
 *
 * <p>Thread safety: a {@code Famfs} may be shared by threads. Lookups and listings never block;
 * {@code create}/{@code mkdir}/{@code refresh} serialize among themselves (and appends with other
 * processes through {@code flock} on the device).
 */
package io.jfamfs.api;
