/**
 * The famfs metadata log: {@link io.jfamfs.log.Replay} turns log entries into a
 * {@link io.jfamfs.ns.Namespace} (a pure function, also incrementally), {@link io.jfamfs.log.Fsck}
 * builds the fsck report model, and {@link io.jfamfs.log.LogWriter} appends entries under a
 * thread and process lock in the publication order the reference uses.
 */
package io.jfamfs.log;
