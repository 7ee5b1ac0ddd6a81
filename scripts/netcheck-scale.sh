#!/usr/bin/env bash
# Measures --check-network at scale against curl, in one run: N slow and N dropping endpoints
# for N = 14, 50, 200, on loopback servers only (internal/netcheck BenchmarkScaleAgainstCurl),
# and prints one line per case. Targets: slow runs within 1.1 × the slowest endpoint alone;
# dropping runs within the limit (2 s) + 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench 'ScaleAgainstCurl' -benchtime 1x ./internal/netcheck |
  awk '/^BenchmarkScaleAgainstCurl/ {
    name = $1; sub(/^BenchmarkScaleAgainstCurl\//, "", name); sub(/-[0-9]+$/, "", name)
    for (i = 2; i < NF; i++) v[$(i + 1)] = $i
    printf "%-14s ours %6.0f ms   curl %6.0f ms   slowest alone %6.0f ms   ratio %.3f\n",
      name, v["ms-ours"], v["ms-curl"], v["ms-slowest-alone"], v["ratio-to-slowest"]
  }'
