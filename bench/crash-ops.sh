#!/usr/bin/env bash
# Crash test of a CSV import, a person merge and a lifecycle stage move: the real application in a
# child JVM on an H2 file database, run side by side and killed with SIGKILL, once with each
# operation held at the last moment before its commit, once right after its commit, then
# --free-rounds N more times at random points; after a restart nothing acknowledged may be lost,
# nothing doubled, no record half-written (CrashSafetyTest in app/, which the test suite runs with
# no random rounds).
# Usage: bench/crash-ops.sh [--free-rounds N] [--deadline-minutes M]
# A run that overruns M minutes (default 20) is killed and fails with "STALLED" (exit code 2).
# Writes bench/results/crash-ops-DATE.txt; ends with: rounds=... kills=... invariants_hold=true|false
set -euo pipefail
cd "$(dirname "$0")/.."
free=3
deadline=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --free-rounds) free="$2"; shift 2 ;;
    --deadline-minutes) deadline="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done
out="bench/results/crash-ops-$(date -u +%Y-%m-%d).txt"
rm -f "$out"
log="$(mktemp -t rapport-crash-ops.XXXXXX.log)"
rc=0
timeout --kill-after=30s "${deadline}m" \
  ./mvnw -B -ntp -pl app -am test -Dtest=CrashSafetyTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true -Drapport.test.pg.skip=true \
  -Drapport.crash.free-rounds="$free" -Drapport.crash.report="$PWD/$out" >"$log" 2>&1 || rc=$?
if [[ $rc -eq 124 || $rc -eq 137 ]]; then
  {
    echo "STALLED: the run overran its deadline of ${deadline} minutes and was killed; log: $log"
    echo "rounds=? kills=? invariants_hold=false"
  } >>"$out"
  tail -1 "$out"
  exit 2
fi
if [[ ! -s "$out" ]]; then
  echo "the test wrote no result (build or start failure); log: $log" >&2
  tail -40 "$log" >&2
  exit 1
fi
cat "$out"
[[ $rc -eq 0 ]] || { echo "log: $log"; exit 1; }
rm -f "$log"
