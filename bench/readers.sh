#!/usr/bin/env bash
# Posts per second for all post readers together on one core (30-token posts).
# usage: bench/readers.sh [--quick]   (build first: ./mvnw -q -pl bench -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
cp=bench/target/classes:$(cat bench/target/classpath.txt)
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
exec "${pin[@]}" java -XX:ActiveProcessorCount=1 -Xmx512m -cp "$cp" dev.rapport.bench.readers.ReadersBench "$@"
