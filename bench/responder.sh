#!/usr/bin/env bash
# Times the query responder alone (no sockets) on a generated zone: ns per query for
# positive answers, NXDOMAIN, NODATA, referrals, CNAMEs, MX with additional data.
#
#   bash bench/responder.sh [HOSTS] [ITERATIONS]     (default 50000 hosts ≈ 100k records)
#
# For instruction counts, which stay stable on a busy machine:
#   valgrind --tool=callgrind "$(swift build -c release --show-bin-path)/ResponderBenchmark" 50000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building ResponderBenchmark (release)..." >&2
swift build -c release --product ResponderBenchmark >/dev/null
"$(swift build -c release --show-bin-path)/ResponderBenchmark" "$@"
