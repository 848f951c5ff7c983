# Guest B, a client: switches its own scratch device dax1.0 to system-ram and back (checking that
# mkfs.famfs and famfs mount explain how to switch), then mounts the shared /dev/dax0.0 that A
# formats, sees A's files, verifies and compares them, and cannot create anything.
. /mnt/vm/lib.sh
DEV=/dev/dax0.0 MNT=/mnt/famfs
echo "--- B (client) up at $(up)s, system uuid $(cat /opt/famfs/system_uuid)"
start_cli_server
expect_out "dev mode shows dax1.0 in devdax mode" 'devdax \(driver device_dax\)' devmode /dev/dax1.0
expect_out "dev mode dax1.0 system-ram" 'devdax -> system-ram' devmode /dev/dax1.0 system-ram
expect_out "dev mode shows system-ram, driver kmem, memory online" 'system-ram \(driver kmem\).* online' devmode /dev/dax1.0
free -m | sed 's/^/      /'
expect_fail "mkfs.famfs on a system-ram device says how to switch" 'famfs dev mode /dev/dax1.0 devdax' mkfs.famfs /dev/dax1.0
mkdir -p /mnt/x
expect_fail "famfs mount on a system-ram device says how to switch" 'famfs dev mode /dev/dax1.0 devdax' famfs mount /dev/dax1.0 /mnt/x
expect_out "dev mode dax1.0 devdax" 'system-ram -> devdax' devmode /dev/dax1.0 devdax
if [ -c /dev/dax1.0 ]; then ok "/dev/dax1.0 is back"; else bad "/dev/dax1.0 missing after switching back"; fi
# Memory that cannot be offlined: onlined as 'online' it is this guest's only ZONE_NORMAL (its boot
# RAM is all DMA32), so kernel allocations (slab: dentries, inodes) land there at once.
expect_out "dev mode --no-movable dax1.0 system-ram (ZONE_NORMAL)" 'online \(Normal\)' devmode --no-movable /dev/dax1.0 system-ram
mkdir -p /tmp/slab; i=0; while [ $i -lt 400 ]; do mkdir /tmp/slab/d$i; i=$((i + 1)); done
if run "dev mode back to devdax" devmode /dev/dax1.0 devdax; then
	echo "INFO: $R: could not provoke memory that cannot be offlined this time (dax1.0 went back to devdax)"
elif grep -q 'cannot be offlined' /tmp/out && devmode /dev/dax1.0 | grep -q 'system-ram (driver kmem)'; then
	ok "dev mode refuses memory that cannot be offlined; dax1.0 stays system-ram ($(grep -o 'memory block memory[0-9]*[^)]*)' /tmp/out | head -1))"
else
	bad "switching unofflinable memory back to devdax: exit $rc without the expected reason"
fi

wait_mark A.mkfs 300
expect_ok "famfs mount $DEV $MNT (client)" famfs mount $DEV $MNT
wait_mark A.populated 300
# B mounted before A made its files: they must show up without a manual logplay, read-only.
client_view /mnt/vm/out/A.files > /tmp/want
s=$(up); n=0
while :; do
	listing $MNT > /mnt/vm/out/B.files
	cmp -s /tmp/want /mnt/vm/out/B.files && break
	n=$((n + 1)); [ $n -gt 60 ] && break
	sleep 0.5
done
if cmp -s /tmp/want /mnt/vm/out/B.files; then
	ok "B lists what A made, files read-only on the client ($(wc -l < /mnt/vm/out/B.files) entries, complete after $(awk "BEGIN{printf \"%.1f\", $(up) - $s}")s)"
else
	bad "B's listing differs from A's (client view): $(diff /tmp/want /mnt/vm/out/B.files | grep '^[-+][DF]' | head -5 | tr '\n' ' ')"
fi
ls -lR $MNT | sed 's/^/      /' | head -30
expect_ok "famfs verify -S 42 on B" famfs verify -S 42 -f $MNT/rand42
expect_ok "famfs verify -S 7 on B" famfs verify -S 7 -f $MNT/data/sub/rand7
expect_ok "famfs verify -S 9 of the interleaved file on B" famfs verify -S 9 -f $MNT/data/striped
# every file read through B's FUSE mount, for the host to compare with its own read of the device
(cd $MNT && find . -type f ! -path './.meta/*' | sed 's|^\./||' | sort | xargs sha256sum) > /mnt/vm/out/B.sums
for f in hello.txt rand5m.bin exact2m.bin one.bin; do
	if cmp /mnt/vm/src/$f $MNT/data/$f >/tmp/cmp 2>&1; then ok "cmp $f: B's copy equals the source"; else bad "cmp $f: $(cat /tmp/cmp)"; fi
done
# mmap(MAP_SHARED) of a famfs file through the mount: needs FUSE_DIRECT_IO_ALLOW_MMAP (7.39+) while
# files are opened with FOPEN_DIRECT_IO; this kernel speaks 7.38. Reported, not counted.
if daxtest $MNT/data/hello.txt mapread 0 5 >/tmp/map 2>&1; then
	echo "INFO: $R: mmap of a famfs file through the FUSE mount works: $(cat /tmp/map)"
else
	echo "INFO: $R: mmap of a famfs file through the FUSE mount fails on this kernel: $(cat /tmp/map)"
fi
ROERR='read-only|client|master|EROFS|not the owner'
expect_fail "B's famfs creat is refused" "$ROERR" famfs creat -s 2M $MNT/fromB
expect_fail "B's famfs mkdir is refused" "$ROERR" famfs mkdir $MNT/dirB
expect_fail "B's famfs cp is refused" "$ROERR" famfs cp /mnt/vm/src/hello.txt $MNT/hello-from-B
if touch $MNT/touched 2>/tmp/touch; then bad "touch on B's mount succeeded"; else ok "plain touch on B fails ($(cat /tmp/touch))"; fi
expect_ok "famfs fsck $MNT on B" famfs fsck $MNT
mark checked
expect_ok "famfs umount on B" famfs umount $MNT
if grep -q " $MNT " /proc/mounts; then bad "$MNT still mounted after umount"; else ok "nothing mounted after umount"; fi
# The 7.38 workaround for mmap: a page-cache mount (-c always: no FOPEN_DIRECT_IO). Reported, not counted.
if famfs mount -c always $DEV $MNT >/tmp/out 2>&1; then
	if daxtest $MNT/data/hello.txt mapread 0 5 >/tmp/map 2>&1; then
		echo "INFO: $R: with 'famfs mount -c always' mmap of a famfs file works: $(cat /tmp/map)"
	else
		echo "INFO: $R: with 'famfs mount -c always' mmap still fails: $(cat /tmp/map)"
	fi
	famfs umount $MNT >/dev/null 2>&1 || bad "umount of the -c always mount"
else
	echo "INFO: $R: famfs mount -c always failed: $(cat /tmp/out)"
fi
expect_ok "famfs fsck $DEV (unmounted) on B" famfs fsck $DEV
echo "B: scenario done"
