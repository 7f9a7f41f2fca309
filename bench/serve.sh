#!/usr/bin/env bash
# Serving speed, against the peers in one run: NSD and Knot serve a generated zone
# (default 100k records) from a file; our secondary transfers the same zone from NSD
# and serves it. dnsperf sends the same query file to each for DURATION seconds, one
# after another, in ROUNDS rounds. Reported: queries per second, answers per server
# CPU-second and mean latency (medians over the rounds), memory per record, and how
# long our secondary takes after a restart to answer from disk.
#
#   bash bench/serve.sh [RECORDS] [DURATION] [ROUNDS]
#
# DNSPERF_FLAGS adds dnsperf options to every run; to ask as resolvers do (EDNS with DO
# and a client cookie): DNSPERF_FLAGS="-D -E 10:0102030405060708".
#
# On a machine with two CPUs or more, the servers are pinned to CPU 0 and dnsperf to
# CPU 1 (taskset), so each server has one core to itself and the client another: on
# two cores the scheduler otherwise puts them together now and then, and a round's
# figures swing by 20 %.
#
# Needs: nsd, knotd, dnsperf, dig, python3, bc. Everything listens on 127.0.0.1 and
# is stopped by pid.
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-100000}
duration=${2:-10}
rounds=${3:-5}
read -r -a dnsperf_flags <<<"${DNSPERF_FLAGS:-}"
pin_server=() pin_client=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  pin_server=(taskset -c 0) pin_client=(taskset -c 1)
fi
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
${pin_server[@]+"${pin_server[@]}"} nsd -d -c "$work/nsd/nsd.conf" 2>"$work/nsd/log" & pids+=($!)
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
${pin_server[@]+"${pin_server[@]}"} knotd -c "$work/knot/knot.conf" 2>"$work/knot/log" & pids+=($!)
knot_pid=$!
wait_serial "$knot_port" || { echo "knotd did not start:" >&2; cat "$work/knot/log" >&2; exit 1; }

# --- our secondary, transferring from NSD ---------------------------------------------------
ours_port=$(free_port)
start_ours() {
  ${pin_server[@]+"${pin_server[@]}"} "$dnsplane" secondary --data-dir "$work/dnsplane" --listen "127.0.0.1:$ours_port" --zone "$zone" \
    --primary "127.0.0.1:$nsd_port" 2>>"$work/dnsplane.log" &
  ours_pid=$!
  pids+=($ours_pid)
}
start_ours
wait_serial "$ours_port" || { echo "dnsplane secondary did not serve:" >&2; cat "$work/dnsplane.log" >&2; exit 1; }
descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
nsd_pids=$(descendants "$nsd_pid" | tr '\n' ' ')  # xfrd forks main, main forks the server

# CPU time (user + system) of the processes so far, in clock ticks, threads included.
# (NSD names its processes "nsd: server 1": the fields are counted after the name.)
cpu_ticks() { local total=0; for pid in "$@"; do total=$(( total + $(sed 's/.*) //' /proc/"$pid"/stat | awk '{print $12 + $13}') )); done; echo "$total"; }
ticks_per_second=$(getconf CLK_TCK)

run_dnsperf() {  # name port pid...
  local name=$1 port=$2; shift 2
  local before after completed
  before=$(cpu_ticks "$@")
  ${pin_client[@]+"${pin_client[@]}"} dnsperf -s 127.0.0.1 -p "$port" -d "$work/queries.txt" -l "$duration" -c 1 -q 200 -t 2 \
    ${dnsperf_flags[@]+"${dnsperf_flags[@]}"} >"$work/perf.$name" 2>&1 || true
  after=$(cpu_ticks "$@")
  completed=$(awk '/Queries completed/ {print $3}' "$work/perf.$name")
  # queries/s, mean latency (s), lost, and answers per CPU-second of the server (steadier
  # than queries/s when something else runs on the machine).
  echo "$(awk '/Queries per second/ {print $4}' "$work/perf.$name")" \
       "$(awk '/Average Latency/ {print $4}' "$work/perf.$name")" \
       "$(awk '/Queries lost/ {print $3}' "$work/perf.$name")" \
       "$(echo "scale=0; $completed * $ticks_per_second / ($after - $before + 1)" | bc)" >>"$work/results.$name"
}
# The median of column $2 of file $1.
median() { sort -g -k"$2","$2" "$1" | awk -v col="$2" '{v[NR] = $col} END {print v[int((NR + 1) / 2)]}'; }

# Rounds alternate the servers, starting with a different one each time, so load from
# elsewhere on the machine and any warm-up fall on all three alike; medians are reported.
echo "zone: $records records; dnsperf: one client, $duration s per server, $rounds rounds${DNSPERF_FLAGS:+, flags: $DNSPERF_FLAGS}${pin_server[*]:+; servers on CPU 0, dnsperf on CPU 1}" >&2
order=(nsd knot dnsplane)
for round in $(seq 1 "$rounds"); do
  for i in 0 1 2; do
    case ${order[$(( (i + round) % 3 ))]} in
      nsd) run_dnsperf nsd "$nsd_port" $nsd_pid $nsd_pids ;;
      knot) run_dnsperf knot "$knot_port" $knot_pid ;;
      dnsplane) run_dnsperf dnsplane "$ours_port" $ours_pid ;;
    esac
  done
done
# Each round's dnsplane/NSD ratio: the two ran within seconds of each other, so the
# ratio is steadier than either figure when the machine's speed drifts.
paste "$work/results.dnsplane" "$work/results.nsd" | awk '{printf "%.3f\n", $1 / $5}' >"$work/ratios"
echo "dnsplane/nsd queries/s by round: $(tr '\n' ' ' <"$work/ratios")" >&2
for name in nsd knot dnsplane; do
  declare "${name}_qps=$(median "$work/results.$name" 1)" "${name}_lat=$(median "$work/results.$name" 2)" \
          "${name}_lost=$(median "$work/results.$name" 3)" "${name}_cpu=$(median "$work/results.$name" 4)"
done
ours_qps=$dnsplane_qps ours_lat=$dnsplane_lat ours_lost=$dnsplane_lost ours_cpu=$dnsplane_cpu

total=$(( records + 8 ))
nsd_mem=$(pss $nsd_pid $nsd_pids); knot_mem=$(pss $knot_pid); ours_mem=$(pss $ours_pid)
nsd_peak=$(peak $nsd_pid $nsd_pids); knot_peak=$(peak $knot_pid); ours_peak=$(peak $ours_pid)

# Restart: stop our secondary, start it again, time to the first answer (from disk).
kill -TERM "$ours_pid"; wait "$ours_pid" 2>/dev/null || true
t0=$(date +%s.%N); start_ours; wait_serial "$ours_port"; t1=$(date +%s.%N)
restart=$(echo "$t1 - $t0" | bc -l)

per_record() { echo "scale=0; $1 * 1024 / $total" | bc; }
printf "\n%-10s %12s %16s %14s %8s %16s %16s\n" server "queries/s" "per CPU-second" "latency (ms)" lost "PSS bytes/rec" "peak bytes/rec"
printf "%-10s %12.0f %16s %14.3f %8s %16s %16s\n" nsd "$nsd_qps" "$nsd_cpu" "$(echo "$nsd_lat * 1000" | bc -l)" "$nsd_lost" "$(per_record "$nsd_mem")" "$(per_record "$nsd_peak")"
printf "%-10s %12.0f %16s %14.3f %8s %16s %16s\n" knot "$knot_qps" "$knot_cpu" "$(echo "$knot_lat * 1000" | bc -l)" "$knot_lost" "$(per_record "$knot_mem")" "$(per_record "$knot_peak")"
printf "%-10s %12.0f %16s %14.3f %8s %16s %16s\n" dnsplane "$ours_qps" "$ours_cpu" "$(echo "$ours_lat * 1000" | bc -l)" "$ours_lost" "$(per_record "$ours_mem")" "$(per_record "$ours_peak")"
echo
echo "dnsplane/nsd queries/s: $(echo "scale=2; $ours_qps / $nsd_qps" | bc)x (median of rounds: $(median "$work/ratios" 1)x), dnsplane/knot: $(echo "scale=2; $ours_qps / $knot_qps" | bc)x"
echo "dnsplane/nsd answers per CPU-second: $(echo "scale=2; $ours_cpu / $nsd_cpu" | bc)x, dnsplane/knot: $(echo "scale=2; $ours_cpu / $knot_cpu" | bc)x"
echo "dnsplane restart to first answer from disk: $(printf '%.3f' "$restart") s ($records records)"
