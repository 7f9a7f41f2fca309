#!/usr/bin/env bash
# Checks a generated 1M-record zone with named-checkzone and with dnsplane checkzone,
# both with -i local, three runs each in the same session, and prints the medians of
# wall time, CPU time and peak RSS, and the ratios.
#
#   bash bench/checkzone.sh [RECORDS]     (default 1000000)
#
# Needs: named-checkzone (bind9-utils), GNU time (/usr/bin/time), python3.
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-1000000}
runs=3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in named-checkzone /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

echo "building dnsplane (release)..." >&2
swift build -c release --product dnsplane >/dev/null
dnsplane=$(swift build -c release --show-bin-path)/dnsplane

python3 - "$records" "$work/bench.zone" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("$TTL 3600\n$ORIGIN example.com.\n")
    f.write("@ IN SOA ns1 hostmaster 2024010101 3600 900 604800 300\n")
    f.write("@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n")
    f.write("@ IN MX 10 mail\nmail IN A 192.0.2.3\n")
    for i in range(n):
        r = i % 10
        if r < 6:
            f.write(f"host{i} IN A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n")
        elif r < 8:
            f.write(f"host{i} IN AAAA 2001:db8::{i >> 16:x}:{i & 0xffff:x}\n")
        elif r == 8:
            f.write(f"alias{i} IN CNAME host{i - 1}\n")
        else:
            f.write(f'txt{i} IN TXT "v=spf1 include:example.net -all" "record {i}"\n')
PY
echo "zone: $records records, $(du -h "$work/bench.zone" | cut -f1)" >&2

# One run: prints "wall cpu rss_kb", and fails if the tool did not accept the zone.
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
  read -r wall user sys rss <"$work/time"
  echo "$wall $(echo "$user + $sys" | bc) $rss"
}

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

declare -A wall cpu rss
for name in named dnsplane; do
  : >"$work/$name"
  for _ in $(seq "$runs"); do
    if [ "$name" = named ]; then
      measure named-checkzone -i local example.com "$work/bench.zone" >>"$work/$name"
    else
      measure "$dnsplane" checkzone -i local example.com "$work/bench.zone" >>"$work/$name"
    fi
  done
  wall[$name]=$(cut -d' ' -f1 "$work/$name" | median)
  cpu[$name]=$(cut -d' ' -f2 "$work/$name" | median)
  rss[$name]=$(cut -d' ' -f3 "$work/$name" | median)
done

printf "%-18s %10s %10s %12s\n" tool "wall (s)" "cpu (s)" "peak RSS (MB)"
for name in named dnsplane; do
  printf "%-18s %10s %10s %12d\n" "$name" "${wall[$name]}" "${cpu[$name]}" $(( ${rss[$name]} / 1024 ))
done
echo "speed-up (wall): $(echo "scale=2; ${wall[named]} / ${wall[dnsplane]}" | bc)x" \
     " (cpu): $(echo "scale=2; ${cpu[named]} / ${cpu[dnsplane]}" | bc)x" \
     " memory: $(echo "scale=2; ${rss[dnsplane]} / ${rss[named]}" | bc) of named's"
