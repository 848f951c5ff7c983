# Helpers for the famfs-vm guest scenario scripts (busybox sh). Results are lines
# "PASS: ROLE: what" / "FAIL: ROLE: what" that bin/famfs-vm counts.
R=${VM_ROLE:-?}
S=/mnt/vm/sync
[ -f /mnt/vm/env.sh ] && . /mnt/vm/env.sh
up() { cut -d' ' -f1 /proc/uptime; }
ok() { echo "PASS: $R: $*"; }
bad() { echo "FAIL: $R: $*"; }
mark() { : > "$S/$R.$1"; }
# wait_mark NAME SECONDS: waits for the other guest's mark
wait_mark() {
	n=0
	while [ ! -e "$S/$1" ]; do
		n=$((n + 1)); [ $n -gt $(($2 * 5)) ] && { bad "timed out after $2 s waiting for $1"; return 1; }
		sleep 0.2
	done
}
# run NAME CMD...: runs CMD, output in /tmp/out (shown indented), prints wall time; returns its rc
run() {
	name=$1; shift
	s=$(up)
	"$@" >/tmp/out 2>&1
	rc=$?
	echo "  [$R $(awk "BEGIN{printf \"%.1f\", $(up) - $s}")s rc=$rc] $*"
	sed 's/^/      /' /tmp/out | head -${SHOW:-25}
	return $rc
}
# expect_ok NAME CMD...
expect_ok() {
	name=$1
	if run "$@"; then ok "$name"; else bad "$name (exit $rc)"; fi
}
# expect_fail NAME REGEX CMD...: CMD must fail and print something matching REGEX (case-insensitive)
expect_fail() {
	name=$1; re=$2; shift 2
	if run "$name" "$@"; then
		bad "$name: succeeded, expected a failure"
	elif grep -qiE "$re" /tmp/out; then
		ok "$name (exit $rc: $(grep -iE "$re" /tmp/out | head -1 | cut -c1-160))"
	else
		bad "$name: exit $rc but no message matching /$re/"
	fi
}
# expect_out NAME REGEX CMD...: CMD must succeed and print something matching REGEX
expect_out() {
	name=$1; re=$2; shift 2
	if ! run "$name" "$@"; then
		bad "$name (exit $rc)"
	elif grep -qiE "$re" /tmp/out; then
		ok "$name"
	else
		bad "$name: no output matching /$re/"
	fi
}
# A listing as a client shows it: files without write bits (the reference's logplay makes files
# read-only on clients unless they are all-hosts-rw), directories as they are.
client_view() {
	awk '$1 == "F" { p = $NF; q = ""; for (i = 1; i <= length(p); i++) q = q and(substr(p, i, 1) + 0, 5); $NF = q } { print }' "$@"
}
# famfs dev mode, through the CLI when it has it, else the DevModeCommand directly
devmode() {
	if [ -n "${DEVMODE_DIRECT:-}" ]; then vmjava DevMode "$@"; else famfs dev mode "$@"; fi
}
# listing of a mounted famfs in HostCheck's format: "D relpath perm" / "F relpath size perm"
listing() {
	(cd "$1" && find . -mindepth 1 ! -path './.meta' ! -path './.meta/*' | sed 's|^\./||' | sort | while read -r p; do
		if [ -d "$p" ]; then echo "D $p $(stat -c %a "$p")"; else echo "F $p $(stat -c '%s %a' "$p")"; fi
	done) | sort
}
# Starts this guest's resident CLI JVM (vm/tools/CliServer.java); later famfs / mkfs.famfs calls
# go to it through famfsc. Unset FAMFS_VM_SERVER for one command to use a fresh JVM instead.
start_cli_server() {
	sock=/run/famfs-cli.sock
	s=$(up)
	# JDK_JAVA_OPTIONS reaches the FUSE daemon JVMs that 'famfs mount' starts from this server:
	# C1 only and SerialGC start them ~5 s sooner in a TCG guest.
	JFAMFS_MOUNT_TIMEOUT=120 JDK_JAVA_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData" \
	/opt/jdk/bin/java --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
		-Djfamfs.java=/opt/jdk/bin/java -Djfamfs.jar=/mnt/vm/jfamfs.jar \
		-cp /mnt/vm/jfamfs.jar:/mnt/vm/vmtools.jar CliServer $sock >/tmp/cli-server.log 2>&1 &
	n=0
	while [ ! -S $sock ] && [ $n -lt 300 ]; do sleep 0.2; n=$((n + 1)); done
	if [ -S $sock ]; then
		export FAMFS_VM_SERVER=$sock
		echo "  [$R] resident CLI JVM up in $(awk "BEGIN{printf \"%.1f\", $(up) - $s}")s"
	else
		echo "  [$R] resident CLI JVM did not start; commands use one JVM each:"; sed 's/^/      /' /tmp/cli-server.log
	fi
}
