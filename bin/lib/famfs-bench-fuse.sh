# Sourced by bin/famfs-bench: the "fuse" mode (run_fuse, summary_fuse). Uses the helpers and variables
# of bin/famfs-bench (say, keep, tmo, RAW, OUT, LOG, WORK, BIN, JAVA, BENCH_JAR, REPS, MOUNTS, PIDS).

FUSE_FILE_MIB=${ANCHOR_FILE_MIB:-2048}
FUSE_SECTIONS=" ${ANCHOR_SECTIONS:-seqread rand stat seqwrite} "

# jmount MNT [PIN] [famfs mount options...]: mounts the device $FDEV at MNT (master), records the daemon
# pid in DPID and the mount-to-ready time (famfs mount returning once the mount answers) in MOUNT_MS
jmount() {
    local mnt=$1 pin=$2 t0 out
    shift 2
    t0=$(date +%s%N)
    out=$(FAMFS_SYSTEM_UUID_FILE=$FDIR/system_uuid tmo 60 $pin "$ROOT/bin/famfs" mount -v "$@" \
        --log "$FDIR/daemon.log" "$FDEV" "$mnt" 2>&1)
    local rc=$?
    MOUNT_MS=$((($(date +%s%N) - t0) / 1000000))
    echo "$out" >>"$LOG"
    DPID=$(sed -n 's/.*daemon pid \([0-9]*\).*/\1/p' <<<"$out" | tail -1)
    ((rc == 0)) && mountpoint -q "$mnt" || { say "famfs mount of $FDEV on $mnt failed (rc=$rc): $out"; return 1; }
    [[ -n $DPID ]] && PIDS+=("$DPID")
    return 0
}
# down MNT: unmount (fusermount3 -u, as the harness does) and wait for the daemon to exit (5 s)
down() {
    local mnt=$1
    mountpoint -q "$mnt" 2>/dev/null && { fusermount3 -u "$mnt" 2>>"$LOG" || umount -l "$mnt" 2>>"$LOG"; }
    if [[ -n ${DPID:-} ]]; then
        for _ in $(seq 50); do kill -0 "$DPID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$DPID" 2>/dev/null && { say "daemon $DPID still running 5 s after unmount; killing it"; kill "$DPID"; }
        DPID=""
    fi
}
# rss_of PID TAG: RESULT lines for the daemon's memory (/proc/PID/status, kB -> MiB)
rss_of() {
    awk -v t="$2" '/^(VmRSS|RssAnon|RssFile|RssShmem):/ { printf "RESULT fuse.rss.%s.%s %.1f MiB\n", t, substr($1, 1, length($1) - 1), $2 / 1024 }
                   /^Threads:/ { printf "RESULT fuse.rss.%s.threads %d threads\n", t, $2 }' "/proc/$1/status" >>"$RAW"
}

# ddr KEY dd-args...: GB/s from dd's own byte count and time, as the harness records it
ddr() {
    local key=$1 line
    shift
    tmo -s INT 30 "$@" 2>"$OUT/dd.err" >/dev/null
    line=$(grep ' copied, ' "$OUT/dd.err" | tail -1)
    [[ -n $line ]] || { say "dd $key failed: $(tail -1 "$OUT/dd.err")"; return; }
    echo "RESULT $key $(awk -v l="$line" 'BEGIN { n = split(l, a, " "); for (i = 1; i <= n; i++) if (a[i] == "copied,") s = a[i + 1]; printf "%.4f", a[1] / s / 1e9 }') GB/s" >>"$RAW"
}

# steady VARIANT MNT PID: a warm daemon (the harness measures each round right after mounting, i.e. a
# fresh JVM and an unpopulated device mapping): warm-up, then dd read/write 1M, 4 KiB random reads
# unpinned and with daemon + client on CPU 0
steady() {
    local v=$1 mnt=$2 pid=$3
    tmo 30 dd if="$mnt/data" of=/dev/null bs=1M 2>/dev/null
    tmo 30 dd if=/dev/zero of="$mnt/data" bs=1M conv=notrunc count=$((FUSE_STEADY_MIB)) 2>/dev/null
    tmo 30 "$BIN/membench" randread warm "$mnt/data" 2 1000000 >/dev/null 2>&1
    ddr "steady.seqread.1M.$v" dd if="$mnt/data" of=/dev/null bs=1M
    ddr "steady.seqread.128k.$v" dd if="$mnt/data" of=/dev/null bs=128k
    ddr "steady.seqwrite.1M.$v" dd if=/dev/zero of="$mnt/data" bs=1M count=$((FUSE_STEADY_MIB)) conv=notrunc
    keep 30 "$BIN/membench" randread "steady.rand4k.$v" "$mnt/data" 2 1000000
    taskset -a -p 1 "$pid" >/dev/null
    keep 30 taskset -c 0 "$BIN/membench" randread "steady.rand4k.$v@cpu0" "$mnt/data" 2 1000000
}
# steady_rt VARIANT MNT PID: warm GETATTR round trip (timeouts 0) and stat(path), pinned
steady_rt() {
    local v=$1 mnt=$2 pid=$3
    tmo 30 "$BIN/membench" statloop warm "$mnt/data" 2 5000000 fstat >/dev/null 2>&1
    taskset -a -p 1 "$pid" >/dev/null
    keep 30 taskset -c 0 "$BIN/membench" statloop "steady.stat.$v@cpu0.fstat" "$mnt/data" 1 5000000 fstat
    keep 30 taskset -c 0 "$BIN/membench" statloop "steady.stat.$v@cpu0.stat" "$mnt/data" 1 5000000
}

run_anchor_harness() { # NAME SECTIONS MOUNT_OPTS OUTDIR
    local name=$1 sections=$2 opts=$3 dir=$4
    say "fuse: anchor harness, sections '$sections', jfamfs as '$name' (famfs mount $opts), ANCHOR_FILE_MIB=$FUSE_FILE_MIB, ANCHOR_REPS=${ANCHOR_REPS:-3}"
    JFAMFS_ROOT=$ROOT JFAMFS_BENCH_JAR=$BENCH_JAR JAVA=$JAVA JFAMFS_MOUNT_OPTS=$opts \
        ANCHOR_OUT=$dir ANCHOR_SECTIONS=$sections ANCHOR_REPS=${ANCHOR_REPS:-3} ANCHOR_FILE_MIB=$FUSE_FILE_MIB \
        ANCHOR_EXTRA_NAME=$name ANCHOR_EXTRA_MOUNT="$ROOT/famfs-bench/anchors/jfamfs-mount.sh" \
        tmo 1500 bash "$ROOT/famfs-bench/anchors/anchor-bench.sh" >"$dir.stdout" 2>&1
    local rc=$?
    ((rc == 0)) || say "fuse: anchor harness exited with $rc (see $dir.stdout)"
    [[ -f $dir/raw.txt ]] && grep '^RESULT ' "$dir/raw.txt" >>"$RAW"
    # a daemon that outlived its unmount would be a bug worth reporting
    local left
    left=$(pgrep -f "DaemonMain .*anchor-bench" | tr '\n' ' ')
    [[ -n $left ]] && { say "fuse: jfamfs daemons left after the harness: $left"; echo "daemons left after harness: $left" >>"$OUT/notes.txt"; }
}

run_fuse() {
    "$ROOT/bin/famfs" mount --help >/dev/null 2>&1 || die "bin/famfs has no working 'mount' (merge the fuse and cli branches)"
    local hd=$OUT/harness
    mkdir -p "$hd"
    # 1. the anchor harness: data path with the default mount (attributes cached for the mount timeout)
    local data_sections="" s
    for s in seqread rand meta seqwrite mem mmap; do
        [[ $FUSE_SECTIONS == *" $s "* ]] && data_sections+="$s "
    done
    [[ -n $data_sections ]] && run_anchor_harness jfamfs "$data_sections" "" "$hd/data"
    # 2. the round trip: stat section with attribute/entry timeouts 0 (every fstat is a GETATTR)
    [[ $FUSE_SECTIONS == *" stat "* ]] && run_anchor_harness jfamfs-t0 stat "-t 0" "$hd/stat"

    command -v bindfs >/dev/null || die "bindfs missing (the harness installs it; run with apt access once)"
    # 3. our own: a small device (256 MiB file, 64 MiB log) for mount time, cached stat and mkdir
    FDIR=$WORK/fuse
    FDEV=$FDIR/dev
    mkdir -p "$FDIR"
    MNT=$(mktemp -d /tmp/famfs-bench-mnt.XXXXXX)
    MNT2=$(mktemp -d /tmp/famfs-bench-mnt2.XXXXXX)
    MOUNTS+=("$MNT" "$MNT2")
    FUSE_STEADY_MIB=${FUSE_STEADY_MIB:-1024}
    head -c $((FUSE_STEADY_MIB << 20)) /dev/zero | tr '\0' '\252' >"$FDIR/src"
    # 128 MiB log: 2 x 10,001 mkdirs x 2 variants x REPS rounds must fit (246k slots)
    keep 120 "${JRUN[@]}" device-setup "$FDEV" $((FUSE_STEADY_MIB + 128 + 128)) 128 "$FUSE_STEADY_MIB" "$FDIR/src" \
        "$FDIR/system_uuid" || return 1
    cp "$FDIR/src" "$WORK/tmpfs-data"
    mkdir -p "$WORK/bindsrc" "$WORK/mk-tmpfs"

    local r v t0
    for r in $(seq "$REPS"); do # for scale: what the famfs command itself costs to start
        t0=$(date +%s%N)
        "$ROOT/bin/famfs" mount --help >/dev/null 2>&1
        echo "RESULT fuse.cli_start_ms $((($(date +%s%N) - t0) / 1000000)) ms" >>"$RAW"
    done
    say "fuse: mount-to-ready and stat() with attribute caching (default timeout and -c normal = 1 s) vs tmpfs, $REPS rounds"
    for r in $(seq "$REPS"); do
        jmount "$MNT" "" || return 1
        echo "RESULT fuse.mount_ready_ms $MOUNT_MS ms" >>"$RAW"
        ((r == 1)) && rss_of "$DPID" idle-1file
        keep 30 "$BIN/membench" statloop fuse.stat.jfamfs "$MNT/data" 1 5000000
        keep 30 "$BIN/membench" statloop fuse.fstat.jfamfs "$MNT/data" 1 5000000 fstat
        down "$MNT"
        jmount "$MNT" "" -c normal || return 1
        keep 30 "$BIN/membench" statloop fuse.stat.jfamfs-normal "$MNT/data" 1 5000000
        down "$MNT"
        keep 30 "$BIN/membench" statloop fuse.stat.tmpfs "$WORK/tmpfs-data" 1 5000000
        keep 30 "$BIN/membench" statloop fuse.fstat.tmpfs "$WORK/tmpfs-data" 1 5000000 fstat
    done

    local have_cfuse=0 cpid
    gcc -O2 -Wall -o "$BIN/fusemm" "$ROOT/famfs-bench/anchors/fusemm.c" $(pkg-config --cflags --libs fuse3 2>/dev/null) \
        >>"$LOG" 2>&1 && have_cfuse=1
    say "fuse: steady state (warm daemon, populated mapping) vs cfuse-dio, $REPS rounds: dd 1M read/write of $FUSE_STEADY_MIB MiB, rand 4k, GETATTR round trip"
    for r in $(seq "$REPS"); do
        if jmount "$MNT" ""; then
            steady jfamfs "$MNT" "$DPID"
            down "$MNT"
        fi
        if ((have_cfuse)); then
            "$BIN/fusemm" --direct-io "$WORK/tmpfs-data" "$MNT2" 2>>"$LOG" && sleep 0.3 &&
                cpid=$(pgrep -n -f "fusemm --direct-io $WORK/tmpfs-data") && PIDS+=("$cpid") &&
                steady cfuse-dio "$MNT2" "$cpid"
            fusermount3 -u "$MNT2" 2>>"$LOG"
        fi
        if jmount "$MNT" "" -t 0; then
            steady_rt jfamfs-t0 "$MNT" "$DPID"
            down "$MNT"
        fi
        if ((have_cfuse)); then
            "$BIN/fusemm" --timeout=0 "$WORK/tmpfs-data" "$MNT2" 2>>"$LOG" && sleep 0.3 &&
                cpid=$(pgrep -n -f "fusemm --timeout=0 $WORK/tmpfs-data") && PIDS+=("$cpid") &&
                steady_rt cfuse-t0 "$MNT2" "$cpid"
            fusermount3 -u "$MNT2" 2>>"$LOG"
        fi
    done

    say "fuse: 10,000 mkdir + stat of them (after 1.1 s) through the mount vs bindfs and tmpfs, $REPS rounds"
    # Two passes per mount: the first right after mounting (a fresh daemon JVM: interpreter, C1, C2
    # compiling on the same 2 CPUs), the second in the same mount (steady state).
    for r in $(seq "$REPS"); do
        for v in tmpfs bindfs bindfs@cpu0 jfamfs jfamfs@cpu0; do
            local pin=""
            [[ $v == *@cpu0 ]] && pin="taskset -c 0"
            case $v in
            tmpfs) keep 120 "$BIN/mkdirloop" "fuse.meta.$v" "$WORK/mk-tmpfs" 10000 0 ;;
            bindfs*)
                $pin bindfs "$WORK/bindsrc" "$MNT2" 2>>"$LOG" || { say "bindfs failed"; continue; }
                keep 120 $pin "$BIN/mkdirloop" "fuse.meta.$v-first" "$MNT2" 10000 1100
                keep 120 $pin "$BIN/mkdirloop" "fuse.meta.$v" "$MNT2" 10000 1100
                fusermount3 -u "$MNT2" 2>>"$LOG" || umount -l "$MNT2"
                ;;
            jfamfs*)
                jmount "$MNT" "$pin" || continue
                keep 120 $pin "$BIN/mkdirloop" "fuse.meta.$v-first" "$MNT" 10000 1100
                keep 120 $pin "$BIN/mkdirloop" "fuse.meta.$v" "$MNT" 10000 1100
                down "$MNT"
                ;;
            esac
        done
        rm -rf "$WORK/mk-tmpfs"/* "$WORK/bindsrc"/*
    done

    say "fuse: daemon RSS with $RSS_FILES files (API batch create, then mount; then a find over the mount)"
    rm -f "$FDEV"
    FDEV=$FDIR/rss.dev
    keep 600 "${JRUN[@]}" populate "$FDEV" "$RSS_FILES" "$FDIR/system_uuid" || return 1
    if jmount "$MNT" ""; then
        echo "RESULT fuse.mount_ready_${RSS_FILES}_files_ms $MOUNT_MS ms" >>"$RAW"
        sleep 1
        rss_of "$DPID" "${RSS_FILES}files-idle"
        local t0 n
        t0=$(date +%s%N)
        n=$(tmo 300 find "$MNT" -type f | wc -l)
        echo "RESULT fuse.find_${RSS_FILES}_files_s $(awk -v t="$(($(date +%s%N) - t0))" 'BEGIN { printf "%.3f", t / 1e9 }') s" >>"$RAW"
        echo "find saw $n files" >>"$LOG"
        rss_of "$DPID" "${RSS_FILES}files-after-find"
        down "$MNT"
    fi
    rm -f "$FDEV"
}

summary_fuse() {
    local f
    for f in data stat; do
        [[ -f $OUT/harness/$f/results.txt ]] || continue
        echo "---- anchor harness ($f run): $OUT/harness/$f/results.txt"
        sed -n '/^metric/,$p' "$OUT/harness/$f/results.txt" | grep -v '^raw samples'
        echo
    done
    echo "== famfs-bench fuse (medians; goals from the brief) =="
    [[ -f $OUT/notes.txt ]] && sed 's/^/  note: /' "$OUT/notes.txt"
    table_header
    row "dd read bs=1M: jfamfs (GB/s)" seqread.1M.jfamfs
    row "dd read bs=1M: cfuse-dio (GB/s)" seqread.1M.cfuse-dio
    row "dd read bs=1M: jfamfs@cpu0 (GB/s)" seqread.1M.jfamfs@cpu0
    row "dd read bs=128k: jfamfs (GB/s)" seqread.128k.jfamfs
    row "dd write bs=1M: jfamfs (GB/s)" seqwrite.1M.jfamfs
    row "dd write bs=1M: cfuse-dio (GB/s)" seqwrite.1M.cfuse-dio
    row "rand 4k: jfamfs@cpu0 (kIOPS)" rand4k.jfamfs@cpu0.kIOPS
    row "rand 4k: cfuse-dio@cpu0 (kIOPS)" rand4k.cfuse-dio@cpu0.kIOPS
    row "rand 4k: jfamfs@cpu0 p50 (µs)" rand4k.jfamfs@cpu0.lat_p50_us
    row "fstat round trip (t0) @cpu0: jfamfs (ns)" stat.jfamfs-t0@cpu0.fstat.ns_per_call
    row "fstat round trip (t0) @cpu0: cfuse (ns)" stat.cfuse-t0@cpu0.fstat.ns_per_call
    row "fstat round trip (t0) unpinned: jfamfs (ns)" stat.jfamfs-t0.fstat.ns_per_call
    row "stat(path) t0 @cpu0 (LOOKUP+GETATTR): jfamfs (ns)" stat.jfamfs-t0@cpu0.stat.ns_per_call
    row "mount to ready (famfs mount returns), 1 file (ms)" fuse.mount_ready_ms
    row "  for scale: famfs mount --help (CLI JVM start, ms)" fuse.cli_start_ms
    row "mount to ready, $RSS_FILES files (ms)" "fuse.mount_ready_${RSS_FILES}_files_ms"
    row "find over $RSS_FILES files through the mount (s)" "fuse.find_${RSS_FILES}_files_s"
    local t k
    for t in idle-1file "${RSS_FILES}files-idle" "${RSS_FILES}files-after-find"; do
        for k in VmRSS RssAnon RssShmem threads; do
            row "daemon $k, $t" "fuse.rss.$t.$k"
        done
    done
    row "stat() data, default mount (1 year cache) (ns)" fuse.stat.jfamfs.ns_per_call
    row "stat() data, -c normal (1 s cache) (ns)" fuse.stat.jfamfs-normal.ns_per_call
    row "stat() tmpfs (ns)" fuse.stat.tmpfs.ns_per_call
    row "fstat() data, default mount (ns)" fuse.fstat.jfamfs.ns_per_call
    row "fstat() tmpfs (ns)" fuse.fstat.tmpfs.ns_per_call
    for v in tmpfs bindfs bindfs@cpu0 jfamfs jfamfs@cpu0; do
        [[ $v != tmpfs ]] && row "mkdir, $v, first 10,000 after mount (µs/op)" "fuse.meta.$v-first.mkdir_us"
        row "mkdir, $v (µs/op)" "fuse.meta.$v.mkdir_us"
    done
    for v in tmpfs bindfs bindfs@cpu0 jfamfs jfamfs@cpu0; do
        row "stat of a new dir after 1.1 s, $v (µs/op)" "fuse.meta.$v.stat_dir_us"
    done
    for v in jfamfs cfuse-dio; do
        row "steady: dd read bs=1M, $v (GB/s)" steady.seqread.1M.$v
        row "steady: dd read bs=128k, $v (GB/s)" steady.seqread.128k.$v
        row "steady: dd write bs=1M, $v (GB/s)" steady.seqwrite.1M.$v
        row "steady: rand 4k, $v (kIOPS)" steady.rand4k.$v.kIOPS
        row "steady: rand 4k, $v@cpu0 (kIOPS)" steady.rand4k.$v@cpu0.kIOPS
        row "steady: rand 4k, $v@cpu0 p99 (µs)" steady.rand4k.$v@cpu0.lat_p99_us
    done
    for v in jfamfs-t0 cfuse-t0; do
        row "steady: fstat round trip @cpu0, $v (ns)" steady.stat.$v@cpu0.fstat.ns_per_call
        row "steady: stat(path) @cpu0, $v (ns)" steady.stat.$v@cpu0.stat.ns_per_call
    done
    echo
    echo "  ratios (median / median, same run)"
    ratio "seq read bs=1M: jfamfs / cfuse-dio" seqread.1M.jfamfs seqread.1M.cfuse-dio ge 1.0
    ratio "seq read bs=1M: jfamfs / bindfs" seqread.1M.jfamfs seqread.1M.bindfs ge 3.0
    ratio "seq read bs=1M: jfamfs@cpu0 / cfuse-dio@cpu0" seqread.1M.jfamfs@cpu0 seqread.1M.cfuse-dio@cpu0
    ratio "seq read bs=128k: jfamfs / cfuse-dio" seqread.128k.jfamfs seqread.128k.cfuse-dio ge 0.75
    ratio "seq write bs=1M: jfamfs / cfuse-dio" seqwrite.1M.jfamfs seqwrite.1M.cfuse-dio ge 1.0
    ratio "seq write bs=1M: jfamfs / bindfs" seqwrite.1M.jfamfs seqwrite.1M.bindfs ge 5.0
    ratio "rand 4k IOPS: jfamfs@cpu0 / cfuse-dio@cpu0" rand4k.jfamfs@cpu0.kIOPS rand4k.cfuse-dio@cpu0.kIOPS ge 0.9
    ratio "rand 4k IOPS: jfamfs@cpu0 / bindfs-dio@cpu0" rand4k.jfamfs@cpu0.kIOPS rand4k.bindfs-dio@cpu0.kIOPS ge 0.9
    ratio "rand 4k IOPS: jfamfs / bindfs-dio (unpinned)" rand4k.jfamfs.kIOPS rand4k.bindfs-dio.kIOPS ge 0.9
    ratio "rand 4k p50: jfamfs@cpu0 / cfuse-dio@cpu0" rand4k.jfamfs@cpu0.lat_p50_us rand4k.cfuse-dio@cpu0.lat_p50_us
    ratio "GETATTR round trip (fstat, t0) @cpu0: jfamfs / cfuse" stat.jfamfs-t0@cpu0.fstat.ns_per_call stat.cfuse-t0@cpu0.fstat.ns_per_call le 1.25
    ratio "GETATTR round trip (fstat, t0) unpinned: jfamfs / cfuse" stat.jfamfs-t0.fstat.ns_per_call stat.cfuse-t0.fstat.ns_per_call
    ratio "stat(path) t0 @cpu0: jfamfs / cfuse" stat.jfamfs-t0@cpu0.stat.ns_per_call stat.cfuse-t0@cpu0.stat.ns_per_call
    ratio "steady: seq read bs=1M: jfamfs / cfuse-dio" steady.seqread.1M.jfamfs steady.seqread.1M.cfuse-dio ge 1.0
    ratio "steady: seq read bs=128k: jfamfs / cfuse-dio" steady.seqread.128k.jfamfs steady.seqread.128k.cfuse-dio ge 0.75
    ratio "steady: seq write bs=1M: jfamfs / cfuse-dio" steady.seqwrite.1M.jfamfs steady.seqwrite.1M.cfuse-dio ge 1.0
    ratio "steady: rand 4k IOPS: jfamfs@cpu0 / cfuse-dio@cpu0" steady.rand4k.jfamfs@cpu0.kIOPS steady.rand4k.cfuse-dio@cpu0.kIOPS ge 0.9
    ratio "steady: rand 4k IOPS unpinned: jfamfs / cfuse-dio" steady.rand4k.jfamfs.kIOPS steady.rand4k.cfuse-dio.kIOPS
    ratio "steady: GETATTR round trip @cpu0: jfamfs / cfuse" steady.stat.jfamfs-t0@cpu0.fstat.ns_per_call steady.stat.cfuse-t0@cpu0.fstat.ns_per_call le 1.25
    ratio "steady: stat(path) t0 @cpu0: jfamfs / cfuse (jfamfs adds default_permissions)" steady.stat.jfamfs-t0@cpu0.stat.ns_per_call steady.stat.cfuse-t0@cpu0.stat.ns_per_call
    ratio "stat() with caching: jfamfs default / tmpfs" fuse.stat.jfamfs.ns_per_call fuse.stat.tmpfs.ns_per_call le 1.1
    ratio "stat() with caching: jfamfs -c normal (1 s) / tmpfs" fuse.stat.jfamfs-normal.ns_per_call fuse.stat.tmpfs.ns_per_call le 1.1
    ratio "mkdir time: jfamfs / bindfs" fuse.meta.jfamfs.mkdir_us fuse.meta.bindfs.mkdir_us le 1.2
    ratio "mkdir time: jfamfs@cpu0 / bindfs@cpu0" fuse.meta.jfamfs@cpu0.mkdir_us fuse.meta.bindfs@cpu0.mkdir_us le 1.2
    ratio "mkdir time, first 10,000 after mount: jfamfs / bindfs" fuse.meta.jfamfs-first.mkdir_us fuse.meta.bindfs-first.mkdir_us le 1.2
    ratio "mkdir time, first 10,000 after mount: jfamfs@cpu0 / bindfs@cpu0" fuse.meta.jfamfs@cpu0-first.mkdir_us fuse.meta.bindfs@cpu0-first.mkdir_us le 1.2
    ratio "stat of new dirs (uncached): jfamfs / bindfs" fuse.meta.jfamfs.stat_dir_us fuse.meta.bindfs.stat_dir_us
    ratio "stat of new dirs (uncached): jfamfs@cpu0 / bindfs@cpu0" fuse.meta.jfamfs@cpu0.stat_dir_us fuse.meta.bindfs@cpu0.stat_dir_us
}
