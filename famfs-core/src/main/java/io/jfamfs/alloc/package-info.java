/**
 * Pure allocation arithmetic over a bitmap of allocation units (2 MiB): the reserved region, marking
 * existing files, contiguous first-fit/next-fit and interleaved (striped) allocation, exactly as the
 * reference allocator except where it has bugs (see {@link io.jfamfs.alloc.Allocator}). No I/O, no
 * devices, no threads: callers serialize.
 */
package io.jfamfs.alloc;
