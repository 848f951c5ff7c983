# Probe: the guest sees /dev/dax0.0, the JDK and the jar; a Java DaxDevice probe maps it.
R=$VM_ROLE
t() { cut -d' ' -f1 /proc/uptime; }
ok() { echo "PASS: $R: $*"; }
bad() { echo "FAIL: $R: $*"; }
[ -c /dev/dax0.0 ] && ok "/dev/dax0.0 is a char device" || bad "/dev/dax0.0 missing"
daxtest /dev/dax0.0 info
s=$(t); if /opt/jdk/bin/java -version 2>&1 | head -1; then ok "JDK runs ($s -> $(t))"; else bad "JDK"; fi
s=$(t); vmjava DaxProbe /dev/dax0.0 "$R" >/tmp/probe.out 2>&1; rc=$?
sed 's/^/  /' /tmp/probe.out
[ $rc = 0 ] && ok "Java DaxDevice probe ($s -> $(t))" || bad "Java DaxDevice probe rc=$rc"
echo "$R: scenario done"
