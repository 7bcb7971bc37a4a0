#!/usr/bin/env bash
# Sustained ingest benchmark: file source -> classification (10,000 listening rules on the engine matcher and readers) ->
# storage. Usage: bench/ingest.sh [--quick] [--db h2|postgres] [--h2-mem] [--posts N] [--rules N]
# The default database is what users run: H2 on a file (under a temp dir, deleted afterwards).
# --h2-mem is the in-memory H2 variant (db=h2-mem in the result line), for comparison only.
# --quick (50,000 posts) runs in well under five minutes and ends with one line:
#   db=h2 posts=... posts_per_s=... p50_ms=... p99_ms=... stored_exactly_once=true|false
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl bench -am package -DskipTests -Dspotless.check.skip=true >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xmx1g -cp "$CP" dev.rapport.bench.ingest.IngestBench "$@"
