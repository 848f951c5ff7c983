# Guest A, the master: formats the shared /dev/dax0.0, mounts it (pure-Java FUSE), makes
# directories and files, copies files in, checks, and unmounts once B has checked.
. /mnt/vm/lib.sh
DEV=/dev/dax0.0 MNT=/mnt/famfs
echo "--- A (master) up at $(up)s, system uuid $(cat /opt/famfs/system_uuid)"
# Commands go to the resident CLI JVM; the last fsck runs in a fresh JVM (the launcher as a person
# uses it in a shell).
start_cli_server
expect_ok "mkfs.famfs $DEV" mkfs.famfs $DEV
mark mkfs
expect_out "dev mode shows $DEV in devdax mode" 'devdax \(driver device_dax\)' devmode $DEV
expect_out "dev mode without a device lists every dax device" '^dax1\.0: devdax' devmode
expect_ok "famfs mount $DEV $MNT (master)" famfs mount $DEV $MNT
if grep -q " $MNT " /proc/mounts; then ok "mounted: $(grep " $MNT " /proc/mounts | cut -d' ' -f1-3)"; else bad "$MNT not in /proc/mounts"; fi
mkdir -p /mnt/famfs2
expect_fail "a second famfs mount of the busy device is refused" 'busy|already mounted|mounted' famfs mount $DEV /mnt/famfs2
expect_fail "mkfs.famfs -f on the mounted device is refused" 'busy|mounted' mkfs.famfs -f $DEV
expect_ok "famfs mkdir" famfs mkdir $MNT/data
expect_ok "famfs mkdir -p" famfs mkdir -p $MNT/data/sub/deeper
expect_ok "famfs creat -r -S 42 -s 8M" famfs creat -r -S 42 -s 8M $MNT/rand42
expect_ok "famfs creat -r -S 7 (3 MiB + 11)" famfs creat -r -S 7 -s 3145739 $MNT/data/sub/rand7
expect_ok "famfs creat interleaved (-N 4 -B 4 -C 2M, stitched devdax mappings)" famfs creat -r -S 9 -s 20M -N 4 -B 4 -C 2M $MNT/data/striped
expect_ok "famfs cp" famfs cp /mnt/vm/src/hello.txt /mnt/vm/src/rand5m.bin /mnt/vm/src/exact2m.bin /mnt/vm/src/one.bin $MNT/data/
expect_ok "famfs verify -S 42 on A" famfs verify -S 42 -f $MNT/rand42
listing $MNT > /mnt/vm/out/A.files
sed 's/^/      A.files: /' /mnt/vm/out/A.files
mark populated
expect_fail "dev mode refuses the device of a mounted famfs" 'mounted|in use' devmode $DEV system-ram
expect_ok "famfs fsck $MNT on A" famfs fsck $MNT
wait_mark B.checked 300
expect_ok "famfs umount on A" famfs umount $MNT
if grep -q " $MNT " /proc/mounts; then bad "$MNT still mounted after umount"; else ok "nothing mounted after umount"; fi
expect_ok "famfs fsck $DEV (unmounted) on A, in a fresh JVM" env -u FAMFS_VM_SERVER famfs fsck $DEV
echo "A: scenario done"
