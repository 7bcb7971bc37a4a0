#!/usr/bin/env bash
# Crash test of the file source: 200,000 posts replayed from JSONL into the real application (a
# child JVM on an H2 file database), killed with SIGKILL at five random points (seeded) and
# restarted; then every post must be stored exactly once (count, ids, no duplicates).
# Usage: bench/crash.sh [--posts N] [--kills N] [--seed N] [--port P]
# The admin password is taken from RAPPORT_ADMIN_PASSWORD (a random one if unset).
# Ends with one line: posts=... kills=... stored=... duplicates=... missing=... exactly_once=true|false
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl bench -am package -DskipTests -Dspotless.check.skip=true >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xmx512m -cp "$CP" dev.rapport.bench.crash.CrashBench \
  --out "bench/results/crash-$(date -u +%Y-%m-%d).txt" "$@"
