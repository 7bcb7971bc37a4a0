#!/usr/bin/env bash
# Import benchmark: 100,000 generated persons through the import API (POST /api/v1/imports) into an H2 file
# database, against a plain JDBC batch insert of the same rows. Writes bench/results/import-DATE.txt.
# Usage: bench/import.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.rapport.bench.importing.ImportBenchmark "${1:-100000}"
