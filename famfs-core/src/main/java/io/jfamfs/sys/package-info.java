/**
 * Linux system calls through the FFM linker, with {@code errno} captured and turned into
 * {@link io.jfamfs.sys.ErrnoException}s that name the call and the path. Neutral ground shared by the
 * famfs core and the FUSE layer; it knows neither.
 */
package io.jfamfs.sys;
