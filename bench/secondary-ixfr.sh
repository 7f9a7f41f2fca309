#!/usr/bin/env bash
# Time from an nsupdate on a BIND primary to our secondary serving the change, for a
# zone of RECORDS A records (default 100000): NOTIFY, SOA query, IXFR, apply, the full
# check of the new version, the swap. Five updates, one after another; prints each.
# Everything on 127.0.0.1 (BIND) and 127.0.0.2 (ours), stopped by pid.
#
#   bash bench/secondary-ixfr.sh [RECORDS]
#
# Needs: named (bind9), nsupdate and dig (bind9-dnsutils), python3, bc.
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-100000}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for tool in named nsupdate dig python3 bc; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

echo "building dnsplane (release)..." >&2
swift build -c release --product dnsplane >/dev/null
dnsplane=$(swift build -c release --show-bin-path)/dnsplane

free_port() { python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1],0)); print(s.getsockname()[1])' "$1"; }
bind_port=$(free_port 127.0.0.1)
ours_port=$(free_port 127.0.0.2)

python3 - "$records" "$work" <<'PY'
import sys
n, work = int(sys.argv[1]), sys.argv[2]
with open(f"{work}/bench.example.zone", "w") as f:
    f.write("$TTL 300\n$ORIGIN bench.example.\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n")
    f.write("@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n")
    for i in range(n):
        f.write(f"h{i} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n")
PY
cat >"$work/named.conf" <<CONF
options {
    directory "$work"; pid-file "$work/named.pid"; session-keyfile "$work/session.key";
    managed-keys-directory "$work"; listen-on port $bind_port { 127.0.0.1; }; listen-on-v6 { none; };
    recursion no; dnssec-validation no; notify-delay 0;
};
controls { };
zone "bench.example" { type primary; file "$work/bench.example.zone"; allow-update { 127.0.0.1; };
    allow-transfer { any; }; also-notify { 127.0.0.2 port $ours_port; }; };
CONF
named -g -c "$work/named.conf" -n 1 2>"$work/named.log" & pids+=($!)
"$dnsplane" secondary --data-dir "$work/ours" --listen "127.0.0.2:$ours_port" --zone bench.example \
  --primary "127.0.0.1:$bind_port" --log-level "${LOG_LEVEL:-info}" 2>"$work/ours.log" & pids+=($!)

for _ in $(seq 1 600); do
  dig +short +time=1 +tries=1 -p "$ours_port" @127.0.0.2 bench.example SOA 2>/dev/null | grep -q hostmaster && break
  sleep 0.1
done
grep -o "transferred by AXFR.*" "$work/ours.log" >&2 || { cat "$work/ours.log" >&2; exit 1; }

for run in 1 2 3 4 5; do
  printf 'server 127.0.0.1 %s\nzone bench.example.\nupdate add new%s.bench.example. 300 A 192.0.2.%s\nsend\n' \
    "$bind_port" "$run" "$run" | nsupdate
  start=$(date +%s.%N)
  served=
  for _ in $(seq 1 1000); do
    if dig +short +time=1 +tries=1 -p "$ours_port" @127.0.0.2 "new$run.bench.example" A 2>/dev/null | grep -q '^192'; then
      served=$(date +%s.%N); break
    fi
    sleep 0.005
  done
  [ -n "$served" ] || { echo "run $run: not served; log:" >&2; tail -5 "$work/ours.log" >&2; exit 1; }
  echo "update $run: served $(echo "($served - $start) * 1000" | bc -l | cut -d. -f1) ms after nsupdate returned"
done
echo "IXFRs: $(grep -c "transferred by IXFR" "$work/ours.log")"
[ "${LOG_LEVEL:-info}" = debug ] && grep -o "serial [0-9]*: transfer.*" "$work/ours.log" || true
