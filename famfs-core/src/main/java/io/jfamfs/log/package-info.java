/**
 * The famfs metadata log: {@link io.jfamfs.log.Replay} turns log entries into a
 * {@link io.jfamfs.ns.Namespace} (a pure function, also incrementally), {@link io.jfamfs.log.Fsck}
 * builds the fsck report model ({@link io.jfamfs.log.FsckReport}), and
 * {@link io.jfamfs.log.MetadataLog} ties them to one device: replay at open, incremental refresh,
 * and appends under a thread lock plus a {@link io.jfamfs.log.ProcessLock} ({@code flock}) in the
 * numbered publication order documented there. Device access goes through seams
 * ({@link io.jfamfs.log.Flusher}, {@link io.jfamfs.log.ProcessLock}, {@link io.jfamfs.log.EntryReader}),
 * so tests run on heap segments and recording devices.
 */
package io.jfamfs.log;
