/**
 * The famfs on-media format, byte for byte as the reference: superblock, log header and log
 * entries as named layouts, flyweight views over a {@link java.lang.foreign.MemorySegment}, CRCs,
 * decoded value records, and mkfs in bytes ({@link io.jfamfs.omf.Formatter}). Every format number is
 * in {@link io.jfamfs.omf.OmfConstants}. Knows bytes, never files or paths.
 */
package io.jfamfs.omf;
