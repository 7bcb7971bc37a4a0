#!/usr/bin/env bash
# Load test: 50 signed-in users (a session for pages, an API token for the API) working person
# pages, person lists, search and the rule tester against the real application (a child JVM on an
# H2 file database with the demo workspace), with a webhook source receiving posts the whole time.
# Each user also fetches a static file in the same mix: the baseline the routes are quoted against.
# Usage: bench/load.sh [--quick | --minutes M] [--users N] [--think-ms T] [--port P]
#                      [--ingest-per-second R]
# --quick runs 60 s; the default is 10 minutes. A run that overruns its duration by 10 minutes is
# killed and fails. Writes bench/results/load-DATE.txt; exits non-zero when any request failed
# (a status other than 2xx/3xx, or an exception).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=10
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --quick) minutes=1 ;;
    --minutes) minutes="${args[$((i + 1))]}" ;;
  esac
done
./mvnw -B -ntp -q -pl bench -am package -DskipTests -Dspotless.check.skip=true >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
deadline=$(( $(printf '%.0f' "$minutes") + 10 ))
timeout --kill-after=30s "${deadline}m" \
  java -Xmx512m -cp "$CP" dev.rapport.bench.load.LoadBench "$@"
