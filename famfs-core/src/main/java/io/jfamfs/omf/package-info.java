/**
 * The famfs on-media format, byte for byte as the reference: superblock, log header and log
 * entries as named layouts, flyweight views over a {@link java.lang.foreign.MemorySegment}, CRCs and
 * decoded value records. Knows bytes, never files or paths.
 */
package io.jfamfs.omf;
