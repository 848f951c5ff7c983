/**
 * The famfs namespace in memory: validated relative paths, directories and files with their fmaps,
 * built by applying log entries in order. Knows paths and extents, never bytes or devices.
 *
 * <p><b>Node ids.</b> The root is 1; the node made by log entry {@code i} is {@code i + 2}. Ids are
 * therefore the same on every host and across refreshes (the FUSE daemon uses them as inode numbers).
 *
 * <p><b>Concurrency.</b> One writer applies entries (calls are serialized by a private lock);
 * any number of readers look up and list at the same time without locking. Nodes are immutable
 * values except a directory's child list, which only grows; maps are {@code ConcurrentHashMap}s and
 * child lists are append-only arrays published through a volatile size. A node is published in
 * the id and path maps before it is added to its parent, so whatever a listing shows can be
 * looked up. A reader may or may not see a node being added concurrently, never half of one.
 */
package io.jfamfs.ns;
