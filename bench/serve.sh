#!/usr/bin/env bash
# Serving speed, against the peers in one run: NSD and Knot serve a generated zone
# (default 100k records) from a file; our secondary transfers the same zone from NSD
# and serves it. dnsperf sends the same query file to each for DURATION seconds, one
# after another. Reported: queries per second, mean latency, peak memory per record,
# and how long our secondary takes after a restart to answer from disk.
#
#   bash bench/serve.sh [RECORDS] [DURATION]
#
# Needs: nsd, knotd, dnsperf, dig, python3. Everything listens on 127.0.0.1 and is
# stopped by pid.
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-100000}
duration=${2:-15}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for tool in nsd knotd dnsperf dig python3 bc; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

echo "building dnsplane (release)..." >&2
swift build -c release --product dnsplane >/dev/null
dnsplane=$(swift build -c release --show-bin-path)/dnsplane

zone=bench.example
python3 - "$records" "$work" "$zone" <<'PY'
import random, sys
n, work, zone = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(7)
names = []
with open(f"{work}/{zone}.zone", "w") as f:
    f.write(f"$TTL 3600\n$ORIGIN {zone}.\n@ SOA ns1 hostmaster 1 3600 900 1209600 300\n")
    f.write("@ NS ns1\n@ NS ns2\nns1 A 192.0.2.1\nns2 A 192.0.2.2\n@ MX 10 mail\nmail A 192.0.2.3\n")
    for i in range(n):
        kind = i % 10
        if kind < 6:
            f.write(f"h{i} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n"); names.append((f"h{i}", "A"))
        elif kind < 8:
            f.write(f"h{i} AAAA 2001:db8::{i >> 16:x}:{i & 0xffff:x}\n"); names.append((f"h{i}", "AAAA"))
        elif kind == 8:
            f.write(f"c{i} CNAME h{i - 1}\n"); names.append((f"c{i}", "A"))
        else:
            f.write(f't{i} TXT "v=spf1 -all" "record {i}"\n'); names.append((f"t{i}", "TXT"))
with open(f"{work}/queries.txt", "w") as f:
    for _ in range(200000):
        if random.random() < 0.1:
            f.write(f"nx{random.randrange(10**9)}.{zone} A\n")
        else:
            name, qtype = random.choice(names)
            f.write(f"{name}.{zone} {qtype}\n")
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_serial() {  # port
  for _ in $(seq 1 600); do
    dig +short +time=1 +tries=1 -p "$1" @127.0.0.1 "$zone" SOA 2>/dev/null | grep -q hostmaster && return 0
    sleep 0.1
  done
  return 1
}
# Proportional set size of the processes (shared pages split among them), in KiB.
pss() { local total=0; for pid in "$@"; do total=$(( total + $(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup) )); done; echo "$total"; }
peak() { local total=0; for pid in "$@"; do total=$(( total + $(awk '/^VmHWM:/ {print $2}' /proc/"$pid"/status) )); done; echo "$total"; }

# --- NSD (also the primary our secondary transfers from) ------------------------------
nsd_port=$(free_port)
mkdir -p "$work/nsd"
cat >"$work/nsd/nsd.conf" <<EOF
server:
    ip-address: 127.0.0.1@$nsd_port
    username: ""
    chroot: ""
    zonesdir: "$work"
    zonelistfile: "$work/nsd/zone.list"
    database: ""
    pidfile: "$work/nsd/nsd.pid"
    xfrdfile: "$work/nsd/xfrd.state"
    xfrdir: "$work/nsd"
    server-count: 1
    rrl-ratelimit: 0
    verbosity: 0
remote-control:
    control-enable: no
zone:
    name: $zone
    zonefile: $zone.zone
    provide-xfr: 127.0.0.0/8 NOKEY
EOF
nsd -d -c "$work/nsd/nsd.conf" 2>"$work/nsd/log" & pids+=($!)
nsd_pid=$!
wait_serial "$nsd_port" || { echo "nsd did not start:" >&2; cat "$work/nsd/log" >&2; exit 1; }

# --- Knot -----------------------------------------------------------------------------
knot_port=$(free_port)
mkdir -p "$work/knot"
cat >"$work/knot/knot.conf" <<EOF
server:
    rundir: "$work/knot"
    listen: 127.0.0.1@$knot_port
database:
    storage: "$work/knot"
control:
    listen: "$work/knot/knot.sock"
log:
  - target: stderr
    any: error
template:
  - id: default
    storage: "$work"
    semantic-checks: off
zone:
  - domain: $zone
    file: $zone.zone
EOF
knotd -c "$work/knot/knot.conf" 2>"$work/knot/log" & pids+=($!)
knot_pid=$!
wait_serial "$knot_port" || { echo "knotd did not start:" >&2; cat "$work/knot/log" >&2; exit 1; }

# --- our secondary, transferring from NSD ---------------------------------------------------
ours_port=$(free_port)
start_ours() {
  "$dnsplane" secondary --data-dir "$work/dnsplane" --listen "127.0.0.1:$ours_port" --zone "$zone" \
    --primary "127.0.0.1:$nsd_port" 2>>"$work/dnsplane.log" &
  ours_pid=$!
  pids+=($ours_pid)
}
start_ours
wait_serial "$ours_port" || { echo "dnsplane secondary did not serve:" >&2; cat "$work/dnsplane.log" >&2; exit 1; }
nsd_pids=$(pgrep -P "$nsd_pid" | tr '\n' ' ')

run_dnsperf() {  # name port
  dnsperf -s 127.0.0.1 -p "$2" -d "$work/queries.txt" -l "$duration" -c 1 -q 200 -t 2 >"$work/perf.$1" 2>&1 || true
  qps=$(awk '/Queries per second/ {print $4}' "$work/perf.$1")
  latency=$(awk '/Average Latency/ {print $4}' "$work/perf.$1")
  lost=$(awk '/Queries lost/ {print $3}' "$work/perf.$1")
  echo "$qps $latency $lost"
}

echo "zone: $records records; dnsperf: one client, $duration s each" >&2
read -r nsd_qps nsd_lat nsd_lost <<<"$(run_dnsperf nsd "$nsd_port")"
read -r knot_qps knot_lat knot_lost <<<"$(run_dnsperf knot "$knot_port")"
read -r ours_qps ours_lat ours_lost <<<"$(run_dnsperf dnsplane "$ours_port")"

total=$(( records + 8 ))
nsd_mem=$(pss $nsd_pid $nsd_pids); knot_mem=$(pss $knot_pid); ours_mem=$(pss $ours_pid)
nsd_peak=$(peak $nsd_pid $nsd_pids); knot_peak=$(peak $knot_pid); ours_peak=$(peak $ours_pid)

# Restart: stop our secondary, start it again, time to the first answer (from disk).
kill -TERM "$ours_pid"; wait "$ours_pid" 2>/dev/null || true
t0=$(date +%s.%N); start_ours; wait_serial "$ours_port"; t1=$(date +%s.%N)
restart=$(echo "$t1 - $t0" | bc -l)

per_record() { echo "scale=0; $1 * 1024 / $total" | bc; }
printf "\n%-10s %12s %14s %8s %16s %16s\n" server "queries/s" "latency (ms)" lost "PSS bytes/rec" "peak bytes/rec"
printf "%-10s %12.0f %14.3f %8s %16s %16s\n" nsd "$nsd_qps" "$(echo "$nsd_lat * 1000" | bc -l)" "$nsd_lost" "$(per_record "$nsd_mem")" "$(per_record "$nsd_peak")"
printf "%-10s %12.0f %14.3f %8s %16s %16s\n" knot "$knot_qps" "$(echo "$knot_lat * 1000" | bc -l)" "$knot_lost" "$(per_record "$knot_mem")" "$(per_record "$knot_peak")"
printf "%-10s %12.0f %14.3f %8s %16s %16s\n" dnsplane "$ours_qps" "$(echo "$ours_lat * 1000" | bc -l)" "$ours_lost" "$(per_record "$ours_mem")" "$(per_record "$ours_peak")"
echo
echo "dnsplane/nsd queries/s: $(echo "scale=2; $ours_qps / $nsd_qps" | bc)x, dnsplane/knot: $(echo "scale=2; $ours_qps / $knot_qps" | bc)x"
echo "dnsplane restart to first answer from disk: $(printf '%.3f' "$restart") s ($records records)"
