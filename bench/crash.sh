#!/usr/bin/env bash
# Crash test of the file source: 200,000 posts replayed from JSONL into the real application (a
# child JVM on an H2 file database), killed with SIGKILL at five random points (seeded) and
# restarted; then every post must be stored exactly once (count, ids, no duplicates).
# Usage: bench/crash.sh [--posts N] [--kills N] [--seed N] [--port P] [--hog N]
#                       [--stall-seconds S] [--deadline-minutes M]
# --hog N runs N busy-looping processes beside it for the whole run (a loaded machine).
# A run that stores no post for S seconds (default 300) or overruns M minutes (default 60) fails
# with "STALLED: ..." and a thread dump of the application next to the result file (exit code 2).
# The admin password is taken from RAPPORT_ADMIN_PASSWORD (a random one if unset).
# Ends with one line: posts=... kills=... stored=... duplicates=... missing=... exactly_once=true|false
set -euo pipefail
cd "$(dirname "$0")/.."
hogs=0
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[$i]}" == "--hog" ]]; then hogs="${args[$((i + 1))]:-0}"; fi
done
./mvnw -B -ntp -q -pl bench -am package -DskipTests -Dspotless.check.skip=true >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
hog_pids=()
stop_hogs() {
  for p in "${hog_pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap stop_hogs EXIT
for ((h = 0; h < hogs; h++)); do
  ( while :; do :; done ) &
  hog_pids+=("$!")
done
java -Xmx512m -cp "$CP" dev.rapport.bench.crash.CrashBench \
  --out "bench/results/crash-$(date -u +%Y-%m-%d).txt" "$@"
