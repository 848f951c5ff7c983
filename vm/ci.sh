#!/usr/bin/env bash
# CI step: the famfs-vm end-to-end scenario — two QEMU guests sharing one real devdax device,
# A formats and fills it, B reads it, the host checks the backing file (bin/famfs-vm test).
# Skipped, with the reason printed, where it cannot run: not root, or QEMU cannot be installed
# from Debian packages. Installs qemu-system-x86 (and kmod, cpio) when missing.
set -uo pipefail
cd "$(dirname "$0")/.."
skip() { echo "famfs-vm: skipped: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root (apt-get, QEMU guests with 9p shares)"
[ "$(uname -m)" = x86_64 ] || skip "the guests are x86_64 (this machine is $(uname -m))"
need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
command -v depmod >/dev/null || need+=(kmod)
command -v cpio >/dev/null || need+=(cpio)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
if [ ${#need[@]} -gt 0 ]; then
	echo "famfs-vm: installing ${need[*]} (Debian packages)"
	if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"${need[@]}"; } >/tmp/famfs-vm-apt.log 2>&1; then
		tail -5 /tmp/famfs-vm-apt.log
		skip "cannot install ${need[*]} from Debian packages (apt log: /tmp/famfs-vm-apt.log)"
	fi
fi
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 not available"
# One bound for the whole step (build + setup boot + scenario), well inside CI's time.
exec timeout -k 10 600 bin/famfs-vm test
