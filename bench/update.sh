#!/usr/bin/env bash
# Durable UPDATEs per second, and latency from UPDATE to visible on a secondary: the
# dnsplane hidden primary against a BIND named primary doing the same, in one run.
#
#   bash bench/update.sh [CLIENTS] [UPDATES_PER_CLIENT] [LATENCY_SAMPLES] [ROUNDS]
#                                                          (default 8 250 200 5)
#
# Both set-ups run side by side the whole time, and the measurements alternate between
# them round by round (the order flips each round), so load from elsewhere on the
# machine falls on both alike; after each throughput run, its secondary is let catch
# up before the next measurement starts. Throughput is the median of the rounds; latency
# percentiles are over all samples.
#
# Throughput: CLIENTS BIND nsupdate processes at once, each sending its updates one
# after the other (one new A record per UPDATE, TSIG hmac-sha256, over UDP); then every
# record is checked to be there. Both primaries answer an UPDATE only once its journal
# entry is fsynced.
#
# Latency: one UPDATE at a time (bench/update_latency.py), from sending it to the
# first answer for the new name from a secondary that follows the primary by NOTIFY
# and IXFR. The secondary is BIND named in both cases, so the figures compare the
# primaries (NOTIFY at once: notify-delay 0 for BIND). When this dnsplane has a
# `secondary` command, a third set-up — our primary and our secondary — is measured
# the same way.
#
# Needs: named, nsupdate, dig (bind9, bind9-dnsutils), python3.
set -euo pipefail
cd "$(dirname "$0")/.."

clients=${1:-8}
per_client=${2:-250}
samples=${3:-200}
rounds=${4:-5}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ -n "${KEEP:-}" ]; then echo "bench: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

for tool in named nsupdate dig python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

echo "building dnsplane (release)..." >&2
swift build -c release --product dnsplane >/dev/null
dnsplane=$(swift build -c release --show-bin-path)/dnsplane

free_port() {
  python3 - <<'PY'
import random, socket
while True:
    port = random.randint(20000, 60000)
    try:
        for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
            s = socket.socket(socket.AF_INET, kind)
            s.bind(("127.0.0.1", port))
            s.close()
        print(port)
        break
    except OSError:
        pass
PY
}

secret=$(head -c 32 /dev/urandom | base64)
cat >"$work/key.conf" <<EOF
key "bench-key" { algorithm hmac-sha256; secret "$secret"; };
EOF
zone=bench.test
{
  echo '$TTL 300'
  echo "@ SOA ns1 hostmaster 1 3600 900 604800 300"
  echo "@ NS ns1"
  echo "@ NS ns2"
  echo "ns1 A 192.0.2.1"
  echo "ns2 A 192.0.2.2"
  for i in $(seq 1000); do echo "host$i A 10.0.$((i / 250)).$((i % 250))"; done
} >"$work/$zone.zone"

# named DIR PORT ZONE-STATEMENT: a named with its own everything, in the foreground.
start_named() {
  local dir=$1 port=$2 zone_statement=$3
  mkdir -p "$dir"
  cat >"$dir/named.conf" <<EOF
options {
  directory "$dir"; pid-file "$dir/named.pid"; session-keyfile "$dir/session.key";
  managed-keys-directory "$dir"; listen-on port $port { 127.0.0.1; }; listen-on-v6 { none; };
  recursion no; dnssec-validation no; notify-delay 0; notify-rate 1000; serial-query-rate 1000;
};
controls { };
logging { channel out { file "$dir/named.log"; severity info; print-time yes; }; category default { out; }; };
include "$work/key.conf";
$zone_statement
EOF
  named -g -c "$dir/named.conf" -n 2 >"$dir/stderr.log" 2>&1 &
  pids+=($!)
}

named_secondary() {  # DIR PORT PRIMARY_PORT
  start_named "$1" "$2" "zone \"$zone\" { type secondary; file \"$zone.db\"; notify no;
  primaries { 127.0.0.1 port $3 key bench-key; }; allow-notify { 127.0.0.1; }; };"
}

wait_serial() {  # PORT: until the server answers SOA for the zone
  for _ in $(seq 300); do
    dig @127.0.0.1 -p "$1" +short +tries=1 +time=1 -y "hmac-sha256:bench-key:$secret" "$zone" SOA 2>/dev/null | grep -q hostmaster && return 0
    sleep 0.1
  done
  echo "bench: nothing answers on port $1" >&2
  exit 1
}

serial() {  # PORT
  dig @127.0.0.1 -p "$1" +short +tries=1 +time=1 -y "hmac-sha256:bench-key:$secret" "$zone" SOA 2>/dev/null | awk '{ print $3 }'
}

# settle NAME: until the set-up's secondary has caught up with its primary, so the work
# of one measurement does not spill into the next.
settle() {
  local target
  target=$(serial "${primary_port[$1]}")
  for _ in $(seq 600); do
    [ "$(serial "${secondary_port[$1]}")" = "$target" ] && { sleep 1; return 0; }
    sleep 0.2
  done
  echo "bench: the $1 secondary did not catch up with serial $target" >&2
}

# throughput LABEL PORT: CLIENTS nsupdates at once; prints updates/s.
throughput() {
  local label=$1 port=$2
  for c in $(seq "$clients"); do
    {
      echo "server 127.0.0.1 $port"
      echo "zone $zone"
      for n in $(seq "$per_client"); do
        echo "update add t-$label-$c-$n.$zone 300 A 10.$c.$((n / 250)).$((n % 250))"
        echo "send"
      done
    } >"$work/script-$label-$c"
  done
  local start end failed=0
  start=$(date +%s.%N)
  local client_pids=()
  for c in $(seq "$clients"); do
    nsupdate -y "hmac-sha256:bench-key:$secret" -t 10 "$work/script-$label-$c" >"$work/nsupdate-$label-$c.log" 2>&1 &
    client_pids+=($!)
  done
  local c=0
  for pid in "${client_pids[@]}"; do
    c=$((c + 1))
    if ! wait "$pid"; then
      failed=$((failed + 1))
      echo "bench: nsupdate client $c against $label failed:" >&2
      tail -5 "$work/nsupdate-$label-$c.log" >&2
    fi
  done
  end=$(date +%s.%N)
  [ "$failed" -eq 0 ] || return 1
  local total=$((clients * per_client))
  local present
  present=$(dig @127.0.0.1 -p "$port" -y "hmac-sha256:bench-key:$secret" "$zone" AXFR | grep -c "^t-$label-" || true)
  if [ "$present" -ne "$total" ]; then
    echo "bench: $label holds $present of the $total records acknowledged" >&2
    exit 1
  fi
  echo "scale=0; $total / ($end - $start)" | bc
}

# --- the set-ups ----------------------------------------------------------------------
declare -A primary_port secondary_port server_pid
systems=(dnsplane named)

# dnsplane hidden primary, BIND named secondary
primary_port[dnsplane]=$(free_port); secondary_port[dnsplane]=$(free_port)
mkdir -p "$work/dnsplane/zones"
cp "$work/$zone.zone" "$work/dnsplane/zones/"
"$dnsplane" primary --zones "$work/dnsplane/zones" --data-dir "$work/dnsplane/data" --listen "127.0.0.1:${primary_port[dnsplane]}" \
  --secondary "127.0.0.1:${secondary_port[dnsplane]}" --key-file "$work/key.conf" --allow-update bench-key --log-level warning \
  >"$work/dnsplane/primary.log" 2>&1 &
pids+=($!)
server_pid[dnsplane]=$!
wait_serial "${primary_port[dnsplane]}"
named_secondary "$work/dnsplane/secondary" "${secondary_port[dnsplane]}" "${primary_port[dnsplane]}"

# BIND named primary, BIND named secondary
primary_port[named]=$(free_port); secondary_port[named]=$(free_port)
mkdir -p "$work/named/primary"
cp "$work/$zone.zone" "$work/named/primary/$zone.zone"
start_named "$work/named/primary" "${primary_port[named]}" "zone \"$zone\" { type primary; file \"$zone.zone\";
  allow-update { key bench-key; }; allow-transfer { key bench-key; }; notify explicit;
  also-notify { 127.0.0.1 port ${secondary_port[named]}; }; };"
server_pid[named]=${pids[-1]}
wait_serial "${primary_port[named]}"
named_secondary "$work/named/secondary" "${secondary_port[named]}" "${primary_port[named]}"

# dnsplane primary, dnsplane secondary (latency only), when this build has one
if "$dnsplane" secondary --help 2>/dev/null | grep -q "USAGE: dnsplane secondary"; then
  primary_port[all]=$(free_port); secondary_port[all]=$(free_port)
  mkdir -p "$work/all/zones"
  cp "$work/$zone.zone" "$work/all/zones/"
  "$dnsplane" primary --zones "$work/all/zones" --data-dir "$work/all/primary" --listen "127.0.0.1:${primary_port[all]}" \
    --secondary "127.0.0.1:${secondary_port[all]}" --key-file "$work/key.conf" --allow-update bench-key --log-level warning \
    >"$work/all/primary.log" 2>&1 &
  pids+=($!)
  wait_serial "${primary_port[all]}"
  "$dnsplane" secondary --data-dir "$work/all/secondary" --listen "127.0.0.1:${secondary_port[all]}" --zone "$zone" \
    --primary "127.0.0.1:${primary_port[all]}" --key-file "$work/key.conf" --log-level warning >"$work/all/secondary.log" 2>&1 &
  pids+=($!)
fi

for name in "${!primary_port[@]}"; do
  wait_serial "${primary_port[$name]}"
  wait_serial "${secondary_port[$name]}"
done
sleep 2   # past the secondaries' minimum refresh interval after their first transfer

cpu_ticks() {  # PID: user + system clock ticks so far
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# --- the rounds -------------------------------------------------------------------------
declare -A rates cpu
for round in $(seq "$rounds"); do
  order=("${systems[@]}")
  [ $((round % 2)) -eq 0 ] && order=(named dnsplane)
  for name in "${order[@]}"; do
    echo "round $round: $name throughput..." >&2
    # Now and then an nsupdate datagram is lost on this machine and its client waits
    # out its timeout (seen with both servers, the request never reaching them): that
    # run says nothing about the server, so it is run again, once.
    before=$(cpu_ticks "${server_pid[$name]}")
    if ! rate=$(throughput "$name$round" "${primary_port[$name]}"); then
      echo "round $round: $name throughput again (an nsupdate client timed out)" >&2
      settle "$name"
      rate=$(throughput "$name$round-again" "${primary_port[$name]}") || { echo "bench: $name failed twice" >&2; exit 1; }
    fi
    rates[$name]="${rates[$name]:-} $rate"
    # The primary's CPU time per UPDATE, in microseconds (a retried run counts both).
    cpu[$name]="${cpu[$name]:-} $(( ($(cpu_ticks "${server_pid[$name]}") - before) * 1000000 / $(getconf CLK_TCK) / (clients * per_client) ))"
    settle "$name"
  done
  for name in "${order[@]}" $([ -n "${primary_port[all]:-}" ] && echo all); do
    echo "round $round: $name latency..." >&2
    python3 bench/update_latency.py "${primary_port[$name]}" "${secondary_port[$name]}" "$zone" bench-key "$secret" \
      $(( (samples + rounds - 1) / rounds )) "$name" 5 "$work/latency-$name" >/dev/null
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
summary() {  # RAW_FILE: p50/p99 of ack and visible
  python3 - "$1" <<'PY'
import sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
def pct(values, f):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(f * (len(values) - 1))))]
acks = [a for a, _ in rows]
seen = [v for _, v in rows if v >= 0]
lost = len(rows) - len(seen)
print(f"{len(rows)} samples; acknowledged p50 {pct(acks, .5):.1f} ms p99 {pct(acks, .99):.1f} ms; "
      f"visible p50 {pct(seen, .5):.1f} ms p99 {pct(seen, .99):.1f} ms max {max(seen):.1f} ms"
      + (f"; never visible: {lost}" if lost else ""))
PY
}

ours=$(echo "${rates[dnsplane]}" | median)
theirs=$(echo "${rates[named]}" | median)
echo
echo "durable UPDATEs/s, $clients nsupdate clients x $per_client updates (one A record each), median of $rounds rounds:"
printf "  %-9s %6s   (rounds:%s)\n" dnsplane "$ours" "${rates[dnsplane]}" named "$theirs" "${rates[named]}"
echo "  dnsplane/named: $(echo "scale=2; $ours / $theirs" | bc)"
echo "primary CPU time per durable UPDATE (user + system), median of $rounds rounds:"
printf "  %-9s %6s µs   (rounds:%s)\n" dnsplane "$(echo "${cpu[dnsplane]}" | median)" "${cpu[dnsplane]}" \
  named "$(echo "${cpu[named]}" | median)" "${cpu[named]}"
echo "UPDATE -> visible on a named secondary (NOTIFY + IXFR), one at a time:"
echo "  dnsplane primary: $(summary "$work/latency-dnsplane")"
echo "  named primary:    $(summary "$work/latency-named")"
if [ -n "${primary_port[all]:-}" ]; then
  echo "UPDATE -> visible, dnsplane primary and dnsplane secondary:"
  echo "  $(summary "$work/latency-all")"
fi
