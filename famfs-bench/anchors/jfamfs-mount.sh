#!/usr/bin/env bash
# jfamfs-mount.sh: the anchor harness's ANCHOR_EXTRA_MOUNT for jfamfs (run by bin/famfs-bench fuse).
#
# Env from the harness: ANCHOR_MNT (mount point), ANCHOR_WORK (tmpfs scratch dir, removed at exit),
# ANCHOR_DATA (the pattern file), ANCHOR_FILE_MIB. From bin/famfs-bench: JFAMFS_ROOT, JFAMFS_BENCH_JAR,
# JAVA, optional JFAMFS_MOUNT_OPTS (extra `famfs mount` options, e.g. "-t 0") and JFAMFS_LOG_MIB.
#
# The first call makes the emulated device $ANCHOR_WORK/jfamfs/dev (the file plus 128 MiB and a
# JFAMFS_LOG_MIB log, default 64 MiB, so that many metadata rounds fit), formats it with a system uuid
# file that makes this host its master, and creates the file "data" of ANCHOR_FILE_MIB MiB filled from
# $ANCHOR_DATA through FamfsFile.map(). Every call then mounts it with `bin/famfs mount` (which returns
# once the mount answers). The harness unmounts with fusermount3 -u; the daemon exits by itself then.
set -euo pipefail
: "${ANCHOR_MNT:?}" "${ANCHOR_WORK:?}" "${ANCHOR_DATA:?}" "${ANCHOR_FILE_MIB:?}" "${JFAMFS_ROOT:?}" "${JFAMFS_BENCH_JAR:?}"
JAVA=${JAVA:-java}
dir=$ANCHOR_WORK/jfamfs
dev=$dir/dev
export FAMFS_SYSTEM_UUID_FILE=$dir/system_uuid
mkdir -p "$dir"
(
    flock 8
    if [[ ! -f $dir/ready ]]; then
        log_mib=${JFAMFS_LOG_MIB:-64}
        "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JFAMFS_BENCH_JAR" device-setup "$dev" \
            $((ANCHOR_FILE_MIB + log_mib + 128)) "$log_mib" "$ANCHOR_FILE_MIB" "$ANCHOR_DATA" "$FAMFS_SYSTEM_UUID_FILE"
        touch "$dir/ready"
    fi
) 8>"$dir/lock"
# shellcheck disable=SC2086 # JFAMFS_MOUNT_OPTS is a list of options
exec "$JFAMFS_ROOT/bin/famfs" mount ${JFAMFS_MOUNT_OPTS:-} --log "$dir/daemon.log" "$dev" "$ANCHOR_MNT"
