# Sourced by bin/famfs-bench: the "fuse" mode (run_fuse, summary_fuse).
run_fuse() {
    say "fuse: not available yet (needs famfs mount from the fuse and cli branches)"
}
summary_fuse() {
    echo "== famfs-bench fuse: not run =="
}
