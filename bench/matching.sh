#!/usr/bin/env bash
# Rapport's rule matcher against Lucene Monitor on identical rules and posts (JMH, same JVM).
#   bench/matching.sh           full run: 1k/10k/100k rules, 100k posts, results to bench/results/
#   bench/matching.sh --quick   100k rules, fewer posts and iterations, under three minutes
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -pl bench -am package -DskipTests
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xms3g -Xmx3g -XX:+UseParallelGC -cp "$cp" dev.rapport.bench.matching.MatchingBench "$@"
