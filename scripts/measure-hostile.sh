#!/usr/bin/env bash
# Peak memory and wall time of --check-network against hostile servers on 127.0.0.1 (issue 14,
# items 4, 7, 8) and of --endpoints with hostile files (item 5). Prints one line per case.
# Usage: scripts/measure-hostile.sh [BINARY]   (default: builds ./cmd/auvenir-onboard)
# Each run is capped at 3 GiB of address space (ulimit -v) so a binary without the bounds fails
# with "out of memory" instead of taking the machine's memory.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
bin=${1:-}
if [ -z "$bin" ]; then
  bin=$work/auvenir-onboard
  go build -o "$bin" ./cmd/auvenir-onboard
fi
go build -o "$work/hostile" ./internal/netcheck/netchecktest/hostileserver
timeout_flag=${TIMEOUT:-5s}

serve() { # behaviour [-tls] -> sets addr, ca
  "$work/hostile" -b "$@" >"$work/addr" &
  pids+=($!)
  for _ in $(seq 50); do [ -s "$work/addr" ] && break; sleep 0.1; done
  read -r addr ca <"$work/addr"
  : >"$work/addr"
}

measure() { # label, then the binary's arguments
  local label=$1; shift
  local out=$work/out rc=0
  ( ulimit -v $((3 << 20)); /usr/bin/time -v "$bin" "$@" >"$out" 2>"$work/time" ) || rc=$?
  local rss wall class
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$work/time")
  wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$work/time")
  class=$(grep -o '"class": "[a-z_]*"' "$out" | head -1 | cut -d'"' -f4 || true)
  [ -n "$class" ] || class=$(grep -v 'Command being timed' "$work/time" | grep -m1 -iE 'fatal|error|not a|larger|deep|nested' | cut -c1-90 || true)
  printf '%-44s peak %7d KiB  wall %8s  exit %3s  %s\n' "$label" "${rss:-0}" "$wall" "$rc" "$class"
}

serve endless-header
measure "endless header line, http ($timeout_flag)" --check-network --json --timeout "$timeout_flag" "http://$addr/"
serve endless-status
measure "endless status line, http ($timeout_flag)" --check-network --json --timeout "$timeout_flag" "http://$addr/"
serve endless-headers
measure "endless headers, http ($timeout_flag)" --check-network --json --timeout "$timeout_flag" "http://$addr/"
serve endless-header -tls
measure "endless header line, https ($timeout_flag)" --check-network --json --timeout "$timeout_flag" --ca-file "$ca" "https://$addr/"
serve endless-header
measure "endless CONNECT reply from proxy ($timeout_flag)" --check-network --json --timeout "$timeout_flag" --proxy "http://$addr" "https://example.test/"
serve 1xx
measure "100 Continue then silence (2s)" --check-network --json --timeout 2s "http://$addr/"
serve trickle
for i in 1 2 3 4; do
  measure "answer trickling past the limit #$i (1s)" --check-network --json --timeout 1s "http://$addr/"
done

# Files (item 5).
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
n = 10000
open(w + "/nested.toml", "w").write("a = " + "{a = " * n + "1" + "}" * n + "\n")
open(w + "/header.toml", "w").write("[" + ".".join(["a"] * 200000) + "]\n")
PY
mkfifo "$work/fifo"
measure "--endpoints 10 000 nested inline tables" --check-network --json --endpoints "$work/nested.toml"
measure "--endpoints 400 KB [a.a.a…] header" --check-network --json --endpoints "$work/header.toml"
( sleep 3; : >"$work/fifo" ) & pids+=($!)  # unblocks a reader that waits on the FIFO
measure "--endpoints FIFO (writer opens after 3 s)" --check-network --json --endpoints "$work/fifo"
( ulimit -t 10; measure "--endpoints /dev/zero (10 s CPU cap)" --check-network --json --endpoints /dev/zero ) || true
( ulimit -t 10; measure "--ca-file /dev/zero (10 s CPU cap)" --check-network --json --ca-file /dev/zero http://127.0.0.1:1/ ) || true
