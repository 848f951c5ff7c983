/**
 * Whole-process benchmarks of the jfamfs Java API against the C anchors (run by {@code bin/famfs-bench}):
 * mapped sequential read ({@link io.jfamfs.bench.MapRead}), file creates ({@link io.jfamfs.bench.Creates}),
 * log replay ({@link io.jfamfs.bench.ReplayBench}). Plain {@code System.nanoTime} harnesses with warm-up;
 * each prints {@code RESULT key value unit} lines that the script turns into medians. Timings never go
 * into tests.
 */
package io.jfamfs.bench;
