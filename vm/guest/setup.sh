# Setup boot (once per shared device): every fresh NVDIMM shows up label-less as a raw
# namespace; make each a devdax namespace with 2 MiB alignment and its struct pages in guest
# RAM (-M mem: a memmap on the device would be written by every guest into the same bytes).
# The info block lives in the backing file, so later boots find /dev/daxN.0 by themselves.
for ns in /sys/bus/nd/devices/namespace*.0; do
	n=$(basename "$ns")
	if [ -e "$ns/holder" ] && [ -n "$(cat "$ns/holder" 2>/dev/null)" ]; then
		echo "setup: $n already claimed by $(cat "$ns/holder")"; continue
	fi
	ndctl create-namespace -f -e "$n" -m devdax -M mem -a 2M >/tmp/ns.json 2>&1 ||
		{ echo "setup: create-namespace $n failed: $(cat /tmp/ns.json)"; exit 1; }
	echo "setup: $n -> devdax: $(tr -d ' \n' </tmp/ns.json | cut -c1-200)"
done
sleep 0.5
for d in /sys/bus/dax/devices/dax*; do
	echo "setup: $(basename "$d") size=$(cat "$d/size") align=$(cat "$d/align") driver=$(basename "$(readlink "$d/driver")")"
done
# Host offset of dax0.0 byte 0 = dax resource - namespace resource (the namespace starts at file 0).
d=$(cat /sys/bus/dax/devices/dax0.0/resource); n=$(cat /sys/bus/nd/devices/namespace0.0/resource)
echo "DATA_OFFSET=$((d - n))" | tee /mnt/vm/data_offset
