package io.jfamfs.cli;

/** Renders an fsck report for humans (as the reference prints it) or as one JSON object. */
final class FsckPrinter {
    /** How to print: human sizes, verbosity, JSON, per-bucket report. */
    record Options(boolean human, int verbose, boolean json, Integer nbuckets) {
    }

    private FsckPrinter() {
    }
}
