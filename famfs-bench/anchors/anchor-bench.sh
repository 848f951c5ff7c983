#!/usr/bin/env bash
# Copied from the jfamfs anchor harness (shared/tools/anchor-bench); bin/famfs-bench runs it with jfamfs as the extra variant.
# anchor-bench.sh - performance anchors for jfamfs (Java famfs on an emulated, tmpfs-backed device).
#
# Measures, side by side in ONE run, what a jfamfs user would compare against:
#   1. memory read / copy bandwidth (1 and 2 threads) and fresh-page allocation cost
#   2. mmap read of a 4 GiB /dev/shm file: C, and Java 25 (FileChannel.map -> MemorySegment),
#      plus a JIT auto-vectorization check (default vs -XX:-UseSuperWord vs forced)
#   3. dd sequential read (bs=1M, 128k) and write (bs=1M count=2048 conv=notrunc):
#      tmpfs vs bindfs (default, -o direct_io, -o big_writes) vs "cfuse", a ~230-line C libfuse3
#      daemon serving the file out of an mmap (the jfamfs data-path design without a JVM)
#   4. metadata: 10,000 create / mkdir / stat / readdir / unlink, tmpfs vs bindfs
#   5. 4 KiB random pread over the 4 GiB file (IOPS, latency)
#   6. FUSE round-trip floor: stat()/fstat() of one file in a loop
# Variants suffixed "@cpu0" pin the FUSE daemon AND the client to CPU 0 (same-CPU wakeups).
#
# Usage:  sudo ../shared/tools/anchor-bench/anchor-bench.sh            (about 6 minutes on 2 cores)
# Env:    ANCHOR_SHM (tmpfs dir, default /dev/shm)   ANCHOR_FILE_MIB (default 4096)
#         ANCHOR_REPS (default 3 for FUSE variants; tmpfs/memory use REPS+2)
#         ANCHOR_OUT (results dir, default a fresh mktemp dir)   ANCHOR_NO_INSTALL=1
#         JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64 when present)
#         ANCHOR_SECTIONS (default "mem mmap seqread rand stat meta seqwrite")
# Measuring a new file system side by side (e.g. jfamfs) - an "extra" variant:
#         ANCHOR_EXTRA_NAME=jfamfs  ANCHOR_EXTRA_MOUNT='shell command'
#   The command runs under bash with ANCHOR_MNT (mount point), ANCHOR_WORK (scratch dir on the
#   tmpfs, removed at exit), ANCHOR_DATA (the ${ANCHOR_FILE_MIB} MiB pattern file), ANCHOR_BIN
#   exported.  It must leave a FUSE mount at $ANCHOR_MNT (within 30 s) whose root holds a file
#   "data" of >= 2 GiB (read/write tests) and allows mkdir (metadata test).  The script unmounts
#   it with fusermount3 -u.  The variant (and NAME@cpu0) joins every FUSE section and the ratios.
# Output: a results table (min / median / max / n) and ratio table on stdout;
#         raw samples in $ANCHOR_OUT/raw.txt, the table in $ANCHOR_OUT/results.txt.
# Every loop is bounded in count and time; mounts and the big file are removed on exit.
set -uo pipefail
export LC_ALL=C
exec 9>&2 # the terminal's stderr, for messages printed while a command's stderr is redirected

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRCS=$HERE
SHM=${ANCHOR_SHM:-/dev/shm}
FILE_MIB=${ANCHOR_FILE_MIB:-4096}
REPS=${ANCHOR_REPS:-3}
REPS_T=$((REPS + 2))
SECTIONS=" ${ANCHOR_SECTIONS:-mem mmap seqread rand stat meta seqwrite} "
EXTRA=""
[[ -n ${ANCHOR_EXTRA_MOUNT:-} ]] && EXTRA=${ANCHOR_EXTRA_NAME:-extra}
want() { [[ $SECTIONS == *" $1 "* ]]; }
OUT=${ANCHOR_OUT:-$(mktemp -d /tmp/anchor-bench-out.XXXXXX)}
mkdir -p "$OUT"
RAW=$OUT/raw.txt
LOG=$OUT/log.txt
BIN=$OUT/bin
: >"$RAW"
: >"$LOG"
T_START=$(date +%s)

say() { printf '[%4ss] %s\n' "$(($(date +%s) - T_START))" "$*" >&2; }
rec() { echo "RESULT $1 $2 $3" >>"$RAW"; }
keep() { grep -E '^(RESULT|CHECKSUM) ' >>"$RAW"; } # filter a helper's stdout into RAW
# tmo TIMEOUT-ARGS... CMD...: bounded run in the main shell; a child killed by Ctrl-C/TERM ends
# the script (timeout(1) exits 130/143 then, which bash would otherwise not treat as an interrupt)
tmo() {
    timeout --foreground "$@"
    local rc=$?
    if ((rc == 130 || rc == 143)); then
        echo "anchor-bench: interrupted, cleaning up" >&9
        exit 130
    fi
    return "$rc"
}
# runk SECONDS CMD...: tmo, keeping the RESULT/CHECKSUM lines of its stdout
runk() {
    tmo "$@" >"$OUT/cur.txt" 2>>"$LOG"
    local rc=$?
    keep <"$OUT/cur.txt"
    return "$rc"
}

# ------------------------------------------------------------------ prerequisites
[[ $(id -u) -eq 0 ]] || { echo "anchor-bench: run as root (FUSE mounts, bdi tuning)" >&2; exit 1; }
need_pkgs=()
command -v gcc >/dev/null || need_pkgs+=(gcc)
command -v bindfs >/dev/null || need_pkgs+=(bindfs)
command -v fusermount3 >/dev/null || need_pkgs+=(fuse3)
pkg-config --exists fuse3 2>/dev/null || need_pkgs+=(libfuse3-dev pkg-config)
command -v taskset >/dev/null || need_pkgs+=(util-linux)
if ((${#need_pkgs[@]})) && [[ -z ${ANCHOR_NO_INSTALL:-} ]] && command -v apt-get >/dev/null; then
    say "installing ${need_pkgs[*]}"
    { timeout 600 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq "${need_pkgs[@]}"; } >>"$LOG" 2>&1
fi
for c in gcc bindfs fusermount3 taskset dd; do
    command -v "$c" >/dev/null || { echo "anchor-bench: missing $c" >&2; exit 1; }
done
if [[ -z ${JAVA_HOME:-} && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac

mkdir -p "$BIN"
gcc -O3 -march=native -Wall -o "$BIN/membench" "$SRCS/membench.c" -lpthread >>"$LOG" 2>&1 ||
    { echo "anchor-bench: membench build failed, see $LOG" >&2; exit 1; }
HAVE_CFUSE=0
if gcc -O2 -Wall -o "$BIN/fusemm" "$SRCS/fusemm.c" $(pkg-config --cflags --libs fuse3 2>/dev/null) >>"$LOG" 2>&1; then
    HAVE_CFUSE=1
else
    say "cfuse (fusemm.c) did not build: cfuse variants skipped"
fi
HAVE_JAVA=0
if "$JAVAC" -d "$BIN" "$SRCS/MmapRead.java" >>"$LOG" 2>&1; then HAVE_JAVA=1; else say "javac failed: Java skipped"; fi
MB=$BIN/membench

avail_mib=$(awk '/MemAvailable/ {print int($2/1024)}' /proc/meminfo)
shm_free_mib=$(df -m --output=avail "$SHM" | tail -1 | tr -d ' ')
if ((shm_free_mib < FILE_MIB + 512 || avail_mib < 2 * FILE_MIB + 4096)); then
    echo "anchor-bench: need ${FILE_MIB} MiB free on $SHM and ~$((2 * FILE_MIB + 4096)) MiB RAM" >&2
    exit 1
fi

WORK=$(mktemp -d "$SHM/anchor-bench.XXXXXX")
SRC_DIR=$WORK/src
mkdir -p "$SRC_DIR/meta"
MNT=$(mktemp -d /tmp/anchor-bench-mnt.XXXXXX)
DATA=$SRC_DIR/data

fs_down() {
    if mountpoint -q "$MNT" 2>/dev/null; then
        fusermount3 -u "$MNT" 2>>"$LOG" || umount -l "$MNT" 2>>"$LOG"
        for _ in $(seq 50); do mountpoint -q "$MNT" || break; sleep 0.1; done
    fi
}
cleanup() {
    fs_down
    [[ -n ${WORK:-} && -d $WORK ]] && rm -rf "$WORK"
    [[ -n ${MNT:-} && -d $MNT ]] && rmdir "$MNT" 2>/dev/null
    return 0
}
trap cleanup EXIT
trap 'echo "anchor-bench: interrupted, cleaning up" >&9; exit 130' INT TERM

# fs_up VARIANT: mounts (unless tmpfs) and sets D (dir holding "data") and PIN (cmd prefix)
PIN=()
fs_up() {
    local v=$1 base=${1%@cpu0}
    fs_down
    PIN=()
    [[ $v == *@cpu0 ]] && PIN=(taskset -c 0)
    D=$MNT
    local wait_ticks=50
    if [[ -n $EXTRA && $base == "$EXTRA" ]]; then
        base=extra
        wait_ticks=300
    fi
    case $base in
    tmpfs) D=$SRC_DIR; return 0 ;;
    extra)
        ANCHOR_MNT=$MNT ANCHOR_WORK=$WORK ANCHOR_DATA=$DATA ANCHOR_BIN=$BIN ANCHOR_FILE_MIB=$FILE_MIB \
            tmo 60 "${PIN[@]}" bash -c "$ANCHOR_EXTRA_MOUNT" >>"$LOG" 2>&1 9>&-
        ;;
    bindfs) "${PIN[@]}" bindfs "$SRC_DIR" "$MNT" 9>&- ;;
    bindfs-mt) "${PIN[@]}" bindfs --multithreaded "$SRC_DIR" "$MNT" 9>&- ;;
    bindfs-dio) "${PIN[@]}" bindfs -o direct_io "$SRC_DIR" "$MNT" 9>&- ;;
    bindfs-bw) "${PIN[@]}" bindfs -o big_writes "$SRC_DIR" "$MNT" 9>&- ;;
    bindfs-t0) "${PIN[@]}" bindfs -o attr_timeout=0,entry_timeout=0,negative_timeout=0 "$SRC_DIR" "$MNT" 9>&- ;;
    cfuse*)
        ((HAVE_CFUSE)) || return 1
        local o=()
        case $base in
        cfuse-dio) o=(--direct-io) ;;
        cfuse-mt-dio) o=(--mt --direct-io) ;;
        cfuse-t0) o=(--timeout=0) ;;
        esac
        "${PIN[@]}" "$BIN/fusemm" "${o[@]}" "$DATA" "$MNT" 2>>"$LOG" 9>&-
        ;;
    *) echo "unknown variant $v" >&2; return 1 ;;
    esac
    local ok=0
    for _ in $(seq "$wait_ticks"); do mountpoint -q "$MNT" && { ok=1; break; }; sleep 0.1; done
    ((ok)) || { say "mount of $v failed"; return 1; }
    if [[ $base == cfuse-ra1m ]]; then
        echo 1024 >"/sys/class/bdi/$(mountpoint -d "$MNT")/read_ahead_kb"
    fi
    return 0
}

# dd_rate KEY TIMEOUT dd-args... : records GB/s from dd's own byte count and elapsed time
dd_rate() {
    local key=$1 t=$2
    shift 2
    tmo -s INT -k 5 "$t" "${PIN[@]}" dd "$@" 2>"$OUT/dd.err" >/dev/null
    local line
    line=$(grep ' copied, ' "$OUT/dd.err" | tail -1)
    if [[ -z $line ]]; then say "dd $key failed: $(tail -1 "$OUT/dd.err")"; return; fi
    rec "$key" "$(awk -v l="$line" 'BEGIN { n = split(l, a, " "); b = a[1];
        for (i = 1; i <= n; i++) if (a[i] == "copied,") s = a[i + 1];
        printf "%.4f", b / s / 1e9 }')" GB/s
}

# ------------------------------------------------------------------ environment
{
    echo "date: $(date -u +%FT%TZ)"
    echo "kernel: $(uname -r)  cpus: $(nproc)  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
    echo "mem: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)  tmpfs: $SHM"
    echo "bindfs: $(bindfs --version 2>&1 | head -1) (links $(ldd "$(command -v bindfs)" | grep -o 'libfuse[^ ]*' | head -1))"
    echo "libfuse3: $(pkg-config --modversion fuse3 2>/dev/null || echo n/a)  fuse max_pages_limit: $(cat /proc/sys/fs/fuse/max_pages_limit 2>/dev/null || echo n/a)"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    echo "cpuidle: $(cat /sys/devices/system/cpu/cpuidle/current_driver 2>/dev/null || echo n/a)"
} >"$OUT/env.txt"
say "results dir: $OUT"

# ------------------------------------------------------------------ 1. memory
if want mem; then
    say "1. memory bandwidth"
    runk 120 "$MB" bw-read mem.1t 2048 1 "$REPS_T"
    runk 120 "$MB" bw-read mem.2t 2048 2 "$REPS_T"
    runk 120 "$MB" bw-copy mem.1t 1024 1 "$REPS_T"
    runk 120 "$MB" bw-copy mem.2t 1024 2 "$REPS_T"
    runk 120 "$MB" touch alloc 1024 "$REPS_T"
fi

# ------------------------------------------------------------------ 2. mmap read
say "creating ${FILE_MIB} MiB file on $SHM"
tmo 300 "$MB" fill "$DATA" "$FILE_MIB" 2>>"$LOG" || { echo "fill failed" >&2; exit 1; }
want mmap && say "2. mmap read (C, Java)"
want mmap && for r in $(seq "$REPS"); do
    runk 120 "$MB" mmap-read c.mmap.1t "$DATA" 1 2
    runk 120 "$MB" mmap-read c.mmap.2t "$DATA" 2 2
done
if want mmap && ((HAVE_JAVA)); then
    JOPTS=(-Xms256m -Xmx1g -cp "$BIN")
    for r in 1 2; do
        runk 120 "$JAVA" "${JOPTS[@]}" MmapRead "$DATA" "$REPS" java
    done
    runk 120 "$JAVA" "${JOPTS[@]}" -XX:-UseSuperWord MmapRead "$DATA" 2 java-scalar
    runk 120 "$JAVA" "${JOPTS[@]}" -XX:+UnlockDiagnosticVMOptions -XX:AutoVectorizationOverrideProfitability=2 \
        MmapRead "$DATA" 2 java-vec
fi

# ------------------------------------------------------------------ 3a. sequential read
want seqread && say "3. dd sequential read (${FILE_MIB} MiB) - variants interleaved, $REPS rounds"
READ_VARIANTS=(tmpfs bindfs bindfs-dio cfuse cfuse-ra1m cfuse-dio cfuse-mt-dio cfuse-dio@cpu0 ${EXTRA:+"$EXTRA" "$EXTRA@cpu0"})
want seqread && for r in $(seq "$REPS"); do
    for v in "${READ_VARIANTS[@]}"; do
        fs_up "$v" || continue
        dd_rate "seqread.1M.$v" 15 if="$D/data" of=/dev/null bs=1M
        case $v in tmpfs | bindfs | bindfs-dio | cfuse | cfuse-dio | "$EXTRA")
            dd_rate "seqread.128k.$v" 15 if="$D/data" of=/dev/null bs=128k ;;
        esac
        if [[ $v == tmpfs ]]; then # two more tmpfs samples per round (cheap, noisy)
            dd_rate "seqread.1M.$v" 15 if="$D/data" of=/dev/null bs=1M
            dd_rate "seqread.128k.$v" 15 if="$D/data" of=/dev/null bs=128k
        fi
        if [[ $r == 1 && $v == bindfs ]]; then
            pid=$(pgrep -n -x bindfs)
            echo "bindfs mount: $(grep " $MNT " /proc/mounts | cut -d' ' -f3-4)  threads: $(ps -o nlwp= -p "$pid" | tr -d ' ')  bdi read_ahead_kb: $(cat "/sys/class/bdi/$(mountpoint -d "$MNT")/read_ahead_kb")" >>"$OUT/env.txt"
        fi
    done
done
fs_down

# ------------------------------------------------------------------ 5. random 4 KiB reads
want rand && say "5. random 4 KiB pread (2 s per run), $REPS_T rounds"
want rand && for r in $(seq "$REPS_T"); do
    for v in tmpfs bindfs bindfs-dio cfuse-dio bindfs-dio@cpu0 cfuse-dio@cpu0 ${EXTRA:+"$EXTRA" "$EXTRA@cpu0"}; do
        fs_up "$v" || continue
        runk 30 "${PIN[@]}" "$MB" randread "rand4k.$v" "$D/data" 2 1000000
    done
    fs_up bindfs && runk 30 "$MB" randread "rand4k.bindfs+O_DIRECT" "$D/data" 2 1000000 direct
done
fs_down

# ------------------------------------------------------------------ 6. stat round trip
want stat && say "6. stat/fstat loop (1 s per run), $REPS_T rounds"
want stat && for r in $(seq "$REPS_T"); do
    for v in tmpfs bindfs bindfs-t0 cfuse-t0 bindfs-t0@cpu0 cfuse-t0@cpu0 ${EXTRA:+"$EXTRA" "$EXTRA@cpu0"}; do
        fs_up "$v" || continue
        runk 30 "${PIN[@]}" "$MB" statloop "stat.$v.stat" "$D/data" 1 5000000
        runk 30 "${PIN[@]}" "$MB" statloop "stat.$v.fstat" "$D/data" 1 5000000 fstat
    done
done
fs_down

# ------------------------------------------------------------------ 4. metadata
want meta && say "4. metadata, 10,000 entries"
want meta && for r in $(seq "$REPS"); do
    for v in tmpfs bindfs bindfs@cpu0 ${EXTRA:+"$EXTRA" "$EXTRA@cpu0"}; do
        fs_up "$v" || continue
        mkdir -p "$D/meta" 2>>"$LOG" || continue
        sl=1100 # let FUSE entry/attr caches (1 s) expire before the stat pass
        [[ $v == tmpfs ]] && sl=0
        runk 120 "${PIN[@]}" "$MB" meta "meta.$v" "$D/meta" 10000 "$sl"
    done
done
fs_down

# ------------------------------------------------------------------ 3b. sequential write
want seqwrite && say "3b. dd sequential write (2 GiB, conv=notrunc; bindfs default bounded to 6 s)"
want seqwrite && for r in $(seq "$REPS"); do
    for v in tmpfs bindfs bindfs-bw cfuse cfuse-dio ${EXTRA:+"$EXTRA"}; do
        fs_up "$v" || continue
        t=15
        [[ $v == bindfs ]] && t=6
        dd_rate "seqwrite.1M.$v" "$t" if=/dev/zero of="$D/data" bs=1M count=2048 conv=notrunc
        [[ $v == tmpfs ]] && dd_rate "seqwrite.1M.$v" "$t" if=/dev/zero of="$D/data" bs=1M count=2048 conv=notrunc
    done
done
fs_down
cleanup
say "measurements done; total $(($(date +%s) - T_START)) s"

# ------------------------------------------------------------------ table
# stats.tsv: key unit min median max n  (keys in first-seen order)
awk '$1 == "RESULT" {
        k = $2; if (!(k in n)) { order[++nk] = k; unit[k] = $4 }
        v[k, ++n[k]] = $3 + 0
     }
     END {
        for (i = 1; i <= nk; i++) {
            k = order[i]; m = n[k]
            for (a = 1; a <= m; a++) s[a] = v[k, a]
            for (a = 2; a <= m; a++) { x = s[a]; b = a - 1; while (b >= 1 && s[b] > x) { s[b + 1] = s[b]; b-- } s[b + 1] = x }
            med = (m % 2) ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
            printf "%s\t%s\t%.4g\t%.4g\t%.4g\t%d\n", k, unit[k], s[1], med, s[m], m
        }
     }' "$RAW" >"$OUT/stats.tsv"

med() { awk -F'\t' -v k="$1" '$1 == k { print $4; f = 1 } END { if (!f) print "" }' "$OUT/stats.tsv"; }
ratio() { # label numerator-key denominator-key
    local a b
    a=$(med "$2")
    b=$(med "$3")
    if [[ -n $a && -n $b ]]; then
        awk -v l="$1" -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "  %-60s %8.3f\n", l, a / b }'
    fi
}

{
    echo "== jfamfs performance anchors ($(date -u +%F), $(uname -r), $(nproc) cpus; GB = 1e9 B) =="
    cat "$OUT/env.txt"
    echo
    printf '%-48s %-10s %10s %10s %10s %4s\n' metric unit min median max n
    awk -F'\t' '{ printf "%-48s %-10s %10s %10s %10s %4s\n", $1, $2, $3, $4, $5, $6 }' "$OUT/stats.tsv"
    echo
    c1=$(grep '^CHECKSUM c.mmap.1t' "$RAW" | head -1 | cut -d' ' -f3)
    cj=$(grep '^CHECKSUM java ' "$RAW" | head -1 | cut -d' ' -f3)
    if [[ -n $c1 ]]; then
        echo "checksums: C mmap $c1, Java mmap ${cj:-n/a} ($([[ -n $cj && $c1 == "$cj" ]] && echo match || echo MISMATCH/absent))"
        echo
    fi
    echo "== ratios (median / median) =="
    ratio "memory copy / memory read (1 thread)" mem.1t.copy_GBps mem.1t.read_GBps
    ratio "memory read 2 threads / 1 thread" mem.2t.read_GBps mem.1t.read_GBps
    ratio "C mmap warm (1t) / memory read (1t)" c.mmap.1t.warm_GBps mem.1t.read_GBps
    ratio "C mmap cold (1t, incl. faults) / C mmap warm" c.mmap.1t.cold_GBps c.mmap.1t.warm_GBps
    ratio "Java mmap warm, int index / C mmap warm (1t)" java.mmap.int_idx_warm_GBps c.mmap.1t.warm_GBps
    ratio "Java mmap warm, long index / C mmap warm (1t)" java.mmap.long_idx_warm_GBps c.mmap.1t.warm_GBps
    ratio "Java mmap cold / C mmap cold" java.mmap.cold_GBps c.mmap.1t.cold_GBps
    ratio "Java L1 sum: default / -XX:-UseSuperWord (1.0 = not vectorized)" java.l1.seg_int_idx_GBps java-scalar.l1.seg_int_idx_GBps
    ratio "Java L1 sum: forced vectorization / default" java-vec.l1.seg_int_idx_GBps java.l1.seg_int_idx_GBps
    ratio "Java mmap warm: forced vectorization / default" java-vec.mmap.int_idx_warm_GBps java.mmap.int_idx_warm_GBps
    for bs in 1M 128k; do
        ratio "seq read bs=$bs: tmpfs / memory read (1t)" seqread.$bs.tmpfs mem.1t.read_GBps
        for v in bindfs bindfs-dio cfuse cfuse-ra1m cfuse-dio cfuse-mt-dio cfuse-dio@cpu0; do
            ratio "seq read bs=$bs: $v / tmpfs" seqread.$bs.$v seqread.$bs.tmpfs
        done
        for v in bindfs-dio cfuse cfuse-ra1m cfuse-dio cfuse-mt-dio cfuse-dio@cpu0; do
            ratio "seq read bs=$bs: $v / bindfs" seqread.$bs.$v seqread.$bs.bindfs
        done
    done
    for v in bindfs bindfs-bw cfuse cfuse-dio; do
        ratio "seq write bs=1M: $v / tmpfs" seqwrite.1M.$v seqwrite.1M.tmpfs
    done
    for v in bindfs-bw cfuse cfuse-dio; do
        ratio "seq write bs=1M: $v / bindfs" seqwrite.1M.$v seqwrite.1M.bindfs
    done
    for v in bindfs bindfs-dio bindfs+O_DIRECT cfuse-dio bindfs-dio@cpu0 cfuse-dio@cpu0; do
        ratio "rand 4k IOPS: $v / tmpfs" rand4k.$v.kIOPS rand4k.tmpfs.kIOPS
    done
    ratio "rand 4k IOPS: cfuse-dio / bindfs-dio" rand4k.cfuse-dio.kIOPS rand4k.bindfs-dio.kIOPS
    ratio "rand 4k IOPS: cfuse-dio@cpu0 / bindfs-dio@cpu0" rand4k.cfuse-dio@cpu0.kIOPS rand4k.bindfs-dio@cpu0.kIOPS
    ratio "rand 4k p50 latency: bindfs-dio@cpu0 / tmpfs" rand4k.bindfs-dio@cpu0.lat_p50_us rand4k.tmpfs.lat_p50_us
    ratio "rand 4k p50 latency: cfuse-dio@cpu0 / tmpfs" rand4k.cfuse-dio@cpu0.lat_p50_us rand4k.tmpfs.lat_p50_us
    for op in create mkdir stat unlink; do
        ratio "metadata $op time: bindfs / tmpfs" meta.bindfs.${op}_us meta.tmpfs.${op}_us
        ratio "metadata $op time: bindfs@cpu0 / tmpfs" meta.bindfs@cpu0.${op}_us meta.tmpfs.${op}_us
    done
    ratio "metadata readdir(10k) time: bindfs / tmpfs" meta.bindfs.readdir_ms meta.tmpfs.readdir_ms
    ratio "stat() time: bindfs (attr cache 1 s) / tmpfs" stat.bindfs.stat.ns_per_call stat.tmpfs.stat.ns_per_call
    ratio "fstat() time: bindfs-t0 (1 GETATTR round trip) / tmpfs" stat.bindfs-t0.fstat.ns_per_call stat.tmpfs.fstat.ns_per_call
    ratio "fstat() time: cfuse-t0 / bindfs-t0" stat.cfuse-t0.fstat.ns_per_call stat.bindfs-t0.fstat.ns_per_call
    ratio "fstat() time: cfuse-t0@cpu0 / bindfs-t0@cpu0" stat.cfuse-t0@cpu0.fstat.ns_per_call stat.bindfs-t0@cpu0.fstat.ns_per_call
    ratio "fstat() time: bindfs-t0@cpu0 / tmpfs" stat.bindfs-t0@cpu0.fstat.ns_per_call stat.tmpfs.fstat.ns_per_call
    ratio "fstat() time: bindfs-t0 unpinned / @cpu0" stat.bindfs-t0.fstat.ns_per_call stat.bindfs-t0@cpu0.fstat.ns_per_call
    ratio "fstat() time: cfuse-t0 unpinned / @cpu0" stat.cfuse-t0.fstat.ns_per_call stat.cfuse-t0@cpu0.fstat.ns_per_call
    if [[ -n $EXTRA ]]; then
        X=$EXTRA
        for bs in 1M 128k; do
            ratio "seq read bs=$bs: $X / bindfs" seqread.$bs.$X seqread.$bs.bindfs
            ratio "seq read bs=$bs: $X / cfuse-dio (C reference)" seqread.$bs.$X seqread.$bs.cfuse-dio
            ratio "seq read bs=$bs: $X / tmpfs" seqread.$bs.$X seqread.$bs.tmpfs
        done
        ratio "seq read bs=1M: $X@cpu0 / cfuse-dio@cpu0" seqread.1M.$X@cpu0 seqread.1M.cfuse-dio@cpu0
        ratio "seq write bs=1M: $X / bindfs" seqwrite.1M.$X seqwrite.1M.bindfs
        ratio "seq write bs=1M: $X / cfuse-dio (C reference)" seqwrite.1M.$X seqwrite.1M.cfuse-dio
        ratio "rand 4k IOPS: $X / bindfs-dio" rand4k.$X.kIOPS rand4k.bindfs-dio.kIOPS
        ratio "rand 4k IOPS: $X@cpu0 / bindfs-dio@cpu0" rand4k.$X@cpu0.kIOPS rand4k.bindfs-dio@cpu0.kIOPS
        ratio "rand 4k IOPS: $X@cpu0 / cfuse-dio@cpu0" rand4k.$X@cpu0.kIOPS rand4k.cfuse-dio@cpu0.kIOPS
        ratio "rand 4k p50 latency: $X@cpu0 / cfuse-dio@cpu0" rand4k.$X@cpu0.lat_p50_us rand4k.cfuse-dio@cpu0.lat_p50_us
        ratio "stat() time: $X / tmpfs (attr caching)" stat.$X.stat.ns_per_call stat.tmpfs.stat.ns_per_call
        ratio "fstat() time: $X@cpu0 / cfuse-t0@cpu0 (round trip only if X attr timeout=0)" stat.$X@cpu0.fstat.ns_per_call stat.cfuse-t0@cpu0.fstat.ns_per_call
        for op in create mkdir stat unlink; do
            ratio "metadata $op time: $X@cpu0 / bindfs@cpu0" meta.$X@cpu0.${op}_us meta.bindfs@cpu0.${op}_us
            ratio "metadata $op time: $X / bindfs" meta.$X.${op}_us meta.bindfs.${op}_us
        done
        ratio "metadata readdir(10k) time: $X / bindfs" meta.$X.readdir_ms meta.bindfs.readdir_ms
    fi
    echo
    echo "raw samples: $RAW"
} | tee "$OUT/results.txt"
