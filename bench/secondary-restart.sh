#!/usr/bin/env bash
# How long `dnsplane secondary` takes, after a restart with its primary gone, to answer
# from the version saved under --data-dir: a generated zone of RECORDS A records
# (default 100000), three runs, each timed from the start of the process to the first
# answer from dig. Everything on 127.0.0.2, stopped by pid.
#
#   bash bench/secondary-restart.sh [RECORDS]
#
# Needs: dig (bind9-dnsutils), python3.
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-100000}
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

for tool in dig python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

echo "building dnsplane (release)..." >&2
swift build -c release --product dnsplane >/dev/null
dnsplane=$(swift build -c release --show-bin-path)/dnsplane

mkdir -p "$work/data"
python3 - "$records" "$work/data" <<'PY'
import sys, time
n, data = int(sys.argv[1]), sys.argv[2]
with open(data + "/big.example.zone", "w") as f:
    f.write("big.example. 300 IN SOA ns1.big.example. h.big.example. 99 3600 600 86400 300\n")
    f.write("big.example. 300 IN NS ns1.big.example.\nbig.example. 300 IN NS ns2.big.example.\n")
    f.write("ns1.big.example. 300 IN A 192.0.2.1\nns2.big.example. 300 IN A 192.0.2.2\n")
    for i in range(n):
        v = 0x0A000000 + i
        f.write(f"h{i}.big.example. 300 IN A {v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}\n")
with open(data + "/big.example.state", "w") as f:
    f.write(f"serial=99\nlast-refresh={time.time()}\n")
PY

port=$(( (RANDOM % 20000) + 30000 ))
dead=$(( port + 1 ))
last=$((records - 1))
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$dnsplane" secondary --data-dir "$work/data" --listen "127.0.0.2:$port" --zone big.example \
    --primary "127.0.0.1:$dead" 2>"$work/log.$run" &
  pid=$!
  answered=
  for _ in $(seq 1 400); do
    if dig +short +time=1 +tries=1 -p "$port" @127.0.0.2 "h$last.big.example" A 2>/dev/null | grep -q '^10\.'; then
      answered=$(date +%s.%N)
      break
    fi
    sleep 0.02
  done
  kill -TERM "$pid"; wait "$pid" || true; pid=
  [ -n "$answered" ] || { echo "run $run: no answer; log:" >&2; cat "$work/log.$run" >&2; exit 1; }
  echo "run $run: $(echo "$answered - $start" | bc -l | cut -c1-5) s to the first answer;" \
       "$(grep -o 'loaded from .*' "$work/log.$run")"
done
