#!/usr/bin/env bash
# The referral redirect's latency at a steady 200 requests/s on loopback: the real application in a
# child JVM on an H2 file database with the demo workspace, an open-loop Java client (latency from
# when each request was due), a static file as the baseline in the same run, and a check that every
# redirect recorded its click. Target: p99 under 20 ms.
# Usage: bench/referral-redirect.sh [--rate R] [--seconds S] [--warmup S] [--port P]
# Writes bench/results/referral-redirect.md; exits non-zero when the target is missed or any
# request failed.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl bench -am package -DskipTests -Dspotless.check.skip=true >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
timeout --kill-after=30s 20m \
  java -Xmx256m -cp "$CP" dev.rapport.bench.load.ReferralRedirectBench "$@"
