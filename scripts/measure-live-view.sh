#!/usr/bin/env bash
# Wall time of --check-network's live view in a real terminal (tmux, 120×40) for N addresses
# (default 1000), all answering at once from one loopback server (issue 14 item 6). Prints the
# figures; asserts nothing.
# Usage: [ARGS="--parallel 32"] scripts/measure-live-view.sh [BINARY] [N] [LIMIT_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
session=live-view-$$
srv=
trap 'tmux kill-session -t "$session" 2>/dev/null || true; [ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$work"' EXIT
bin=${1:-}
n=${2:-1000}
limit=${3:-300}
if [ -z "$bin" ]; then
  bin=$work/auvenir-onboard
  go build -o "$bin" ./cmd/auvenir-onboard
fi
go build -o "$work/hostile" ./internal/netcheck/netchecktest/hostileserver
"$work/hostile" -b ok >"$work/addr" &
srv=$!
for _ in $(seq 50); do [ -s "$work/addr" ] && break; sleep 0.1; done
read -r addr _ <"$work/addr"
{
  echo '[[group]]'
  echo 'id = "load"'
  for i in $(seq "$n"); do printf '[[group.endpoint]]\nurl = "http://%s/%d"\n' "$addr" "$i"; done
} >"$work/list.toml"

# The view runs inside tmux; the shell there records its own wall time.
tmux new-session -d -s "$session" -x 120 -y 40 \
  "s=\$(date +%s.%N); TERM=xterm-256color '$bin' --check-network --lang en ${ARGS:-} --endpoints '$work/list.toml' >/dev/tty; c=\$?; e=\$(date +%s.%N); echo \"\$c \$s \$e\" >'$work/done'; sleep 600"
start=$(date +%s)
while [ ! -s "$work/done" ]; do
  if [ $(($(date +%s) - start)) -ge "$limit" ]; then
    printf '%d addresses, live view in tmux 120x40: not finished after %d s\n' "$n" "$limit"
    exit 0
  fi
  sleep 0.2
done
read -r code s e <"$work/done"
pid_cpu=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f", e - s }')
printf '%d addresses, live view in tmux 120x40: %s s wall, exit %s\n' "$n" "$pid_cpu" "$code"
tmux capture-pane -p -t "$session" | grep -E 'Reachable|Every address|Checked in' | head -3
