#!/usr/bin/env bash
# The inbox page and the lead list at scale on PostgreSQL (issue 16): one command builds the data
# (persons, mentions, open inbox items and leads with bulk SQL into a fresh database
# rapport_inbox_bench on 127.0.0.1:5432, user postgres), starts the application on it, signs in
# the sales users and measures p50/p95/p99 of /inbox and /leads with every user asking at once.
# Usage: bench/inbox.sh [--persons 1000000] [--items 100000] [--users 20] [--seconds 120]
#                       [--port 18093] [--pg-db rapport_inbox_bench] [--out bench/results/inbox-p99.md]
# Writes bench/results/inbox-p99.md (the figures, sizes and this command).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl bench -am package -DskipTests -Dspotless.check.skip=true >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xmx512m -cp "$CP" dev.rapport.bench.inbox.InboxBench "$@"
