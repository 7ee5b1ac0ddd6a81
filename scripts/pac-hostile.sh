#!/usr/bin/env bash
# Prints the figures of the hostile-PAC suite (internal/pacrun): for each script of issue 22,
# the wall time and the peak memory of the evaluator process and of the program, built as the
# release is (without cgo). Figures, not assertions: the suite's own limits are the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
CGO_ENABLED=0 go test -count=1 -v -run 'TestHostileScripts' ./internal/pacrun | grep -E 'figures:|^(ok|FAIL|--- FAIL)' |
  sed 's/^ *hostile_test.go:[0-9]*: figures: //'
