#!/bin/bash
# Builds the famfs-vm guest from Debian packages only: the Debian bookworm kernel
# (linux-image-amd64, 6.1) and a busybox initramfs with the NVDIMM/DAX/kmem/FUSE/9p
# modules, ndctl/daxctl with their libraries, the static daxtest helper, the glibc
# pieces a JDK needs, and the guest-side famfs launchers (vm/guest-bin).
# The kernel packages are downloaded and unpacked, never installed on the host.
#
#   vm/build.sh            build into $FAMFS_VM_DIR (default /var/tmp/jfamfs-vm) unless up to date
#   vm/build.sh --force    rebuild the initramfs even when up to date
#
# Output: $FAMFS_VM_DIR/{vmlinuz,initramfs.cpio.gz,kernel-version}. Needs root (apt-get) on first use.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
W=${FAMFS_VM_DIR:-/var/tmp/jfamfs-vm}
mkdir -p "$W/debs"

# Up to date? The stamp is a hash of everything that goes into the initramfs.
key=$(cat "$HERE/build.sh" "$HERE/init" "$HERE/daxtest.c" "$HERE/famfsc.c" "$HERE"/guest-bin/* | sha256sum | cut -c1-16)
if [ "${1:-}" != --force ] && [ -f "$W/initramfs.cpio.gz" ] && [ -f "$W/vmlinuz" ] &&
	[ "$(cat "$W/build.stamp" 2>/dev/null)" = "$key" ]; then
	echo "famfs-vm: guest image up to date ($(cat "$W/kernel-version"))"
	exit 0
fi

need_pkgs=()
command -v qemu-system-x86_64 >/dev/null || need_pkgs+=(qemu-system-x86)
command -v depmod >/dev/null || need_pkgs+=(kmod)
command -v cpio >/dev/null || need_pkgs+=(cpio)
command -v gcc >/dev/null || need_pkgs+=(gcc libc6-dev)
if [ ${#need_pkgs[@]} -gt 0 ] || ! apt-cache show linux-image-amd64 >/dev/null 2>&1; then
	apt-get update -qq
fi
if [ ${#need_pkgs[@]} -gt 0 ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

kpkg() { apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}'; }
KPKG=$(kpkg)
if [ ! -f "$W/.debs-done" ] || [ ! -f "$W/debs/.$KPKG" ]; then
	rm -rf "$W/debs" && mkdir -p "$W/debs"
	pkgs=("$KPKG" busybox-static ndctl daxctl libndctl6 libdaxctl1 libiniparser1 libjson-c5
		libkeyutils1 libuuid1 libkmod2)
	# Stale package lists name a kernel the mirror no longer has: refresh and retry once.
	if ! (cd "$W/debs" && apt-get download -q -o APT::Sandbox::User=root "${pkgs[@]}" >/dev/null); then
		apt-get update -qq
		KPKG=$(kpkg)
		pkgs[0]=$KPKG
		(cd "$W/debs" && apt-get download -q -o APT::Sandbox::User=root "${pkgs[@]}" >/dev/null)
	fi
	touch "$W/debs/.$KPKG"
	rm -rf "$W/x" && mkdir -p "$W/x"
	for d in "$W"/debs/*.deb; do dpkg-deb -x "$d" "$W/x"; done
	touch "$W/.debs-done"
fi
KVER=$(ls "$W/x/lib/modules" | head -1)
cp "$W/x/boot/vmlinuz-$KVER" "$W/vmlinuz"

R="$W/root"
rm -rf "$R"
mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,lib64,lib/x86_64-linux-gnu,proc,sys,dev,tmp,run,mnt,etc,opt/famfs,root}
cp "$W/x/bin/busybox" "$R/bin/busybox"
# every applet at its usual place (/bin/sh, /usr/bin/setsid, /sbin/poweroff, ...), as busybox --install
for a in $("$R/bin/busybox" --list-full); do [ -e "$R/$a" ] || ln -s /bin/busybox "$R/$a"; done
install -m 755 "$HERE/init" "$R/init"

# Modules: only what the NVDIMM/DAX path (devdax and kmem), FUSE and 9p need, plus dependencies.
MD="$W/x/lib/modules/$KVER"
depmod -b "$W/x" "$KVER"
want="nfit nd_pmem nd_btt dax_pmem device_dax kmem virtio_pci 9pnet_virtio 9p fuse"
mods=$(for m in $want; do modprobe -d "$W/x" -S "$KVER" --show-depends "$m" 2>/dev/null | awk '/^insmod/{print $2}'; done | sort -u)
for f in $mods; do
	rel=${f#"$W/x/"}
	mkdir -p "$R/$(dirname "$rel")"
	cp "$f" "$R/$rel"
done
cp "$MD"/modules.order "$MD"/modules.builtin "$MD"/modules.builtin.modinfo "$R/lib/modules/$KVER/"
depmod -b "$R" "$KVER"

# ndctl / daxctl with their libraries (from the unpacked debs first, then the host).
cp "$W/x/usr/bin/ndctl" "$W/x/usr/bin/daxctl" "$R/usr/bin/"
LD_LIBRARY_PATH="$W/x/usr/lib/x86_64-linux-gnu:$W/x/lib/x86_64-linux-gnu" ldd "$R/usr/bin/ndctl" "$R/usr/bin/daxctl" |
	awk '/=>/ && $3 ~ /^\// {print $3}' | sort -u | while read -r lib; do
		cp -L "$lib" "$R/lib/x86_64-linux-gnu/$(basename "$lib")"
	done
# glibc pieces a JDK needs (the JDK itself comes read-only over 9p).
for l in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libz.so.1 libgcc_s.so.1; do
	[ -e "/lib/x86_64-linux-gnu/$l" ] && cp -L "/lib/x86_64-linux-gnu/$l" "$R/lib/x86_64-linux-gnu/"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$R/lib64/"
ln -s ../lib64/ld-linux-x86-64.so.2 "$R/lib/ld-linux-x86-64.so.2" 2>/dev/null || true
echo "/lib/x86_64-linux-gnu" > "$R/etc/ld.so.conf"
echo "root:x:0:0:root:/root:/bin/sh" > "$R/etc/passwd"
echo "root:x:0:" > "$R/etc/group"
echo "127.0.0.1 localhost" > "$R/etc/hosts"

gcc -O2 -static -o "$R/usr/bin/daxtest" "$HERE/daxtest.c"
gcc -O2 -static -o "$R/usr/bin/famfsc" "$HERE/famfsc.c"
install -m 755 "$HERE"/guest-bin/* "$R/usr/bin/"
ln -sf famfs "$R/usr/bin/mkfs.famfs"

(cd "$R" && find . | cpio -o -H newc --quiet | gzip -1) > "$W/initramfs.cpio.gz.tmp"
mv "$W/initramfs.cpio.gz.tmp" "$W/initramfs.cpio.gz"
echo "$KVER" > "$W/kernel-version"
echo "$key" > "$W/build.stamp"
echo "famfs-vm: built $W/vmlinuz ($KVER), $W/initramfs.cpio.gz ($(du -h "$W/initramfs.cpio.gz" | cut -f1))"
