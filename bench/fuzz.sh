#!/usr/bin/env bash
# The long fuzz job, on demand: the same properties the test run checks (FuzzTest classes of the
# engine and the app), each for a share of the given minutes with random seeds instead of the fixed
# ones, and every new failing input written, shrunk, into its corpus folder
# (engine|app/src/test/resources/fuzz/<target>/found-<hash>.<ext>), where the test run replays it
# from then on. A finding fails the run and names the file; fix the bug, keep the file, commit both.
# Usage: bench/fuzz.sh [minutes]   (default 10; the time is split evenly over the eight targets)
#        bench/fuzz.sh --jazzer      (Jazzer's coverage-guided fuzzing of the three engine targets,
#                                     60 s each: rules, tokenizer, reader; same properties, same corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--jazzer" ]]; then
  # One @FuzzTest per JVM in fuzzing mode (JAZZER_FUZZ=1). Each *JazzerTestInputs/<target> folder is
  # a link to fuzz/<target>, so a finding (crash-<sha1>) lands in the corpus; it is renamed to the
  # corpus' found-*.txt form so that the seeded FuzzTest classes replay it too.
  status=0
  for t in RuleParserJazzerTest TokenizerJazzerTest ReaderJazzerTest; do
    echo "jazzer: $t"
    JAZZER_FUZZ=1 ./mvnw -o -B -q -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
      -pl engine test -Dtest="$t" || status=1
  done
  for f in $(find engine/src/test/resources/fuzz -type f -name 'crash-*'); do
    to="$(dirname "$f")/found-jazzer-$(basename "$f" | cut -c7-18).txt"
    mv "$f" "$to"
    echo "new failing input, now in the corpus: $to"
  done
  rm -rf engine/.cifuzz-corpus
  exit $status
fi
minutes=${1:-10}
seconds=$(( minutes * 60 / 8 ))
(( seconds < 5 )) && seconds=5
common=(-o -B -q -Dspotless.check.skip=true -Drapport.test.pg.skip=true -Dsurefire.failIfNoSpecifiedTests=false
  -Dfuzz.seconds="$seconds" -Dfuzz.seed=random -Dfuzz.record=true)
before=$(find engine/src/test/resources/fuzz app/src/test/resources/fuzz -type f | sort)
status=0
echo "fuzzing each target for ${seconds}s (engine: rules, tokenizer, reader)"
./mvnw "${common[@]}" -pl engine test \
  -Dtest='RuleParserFuzzTest#corpus*,TokenizerFuzzTest#corpus*,ReaderFuzzTest#corpus*' || status=1
echo "fuzzing each target for ${seconds}s (app: feed, webhook, csv-persons, csv-accounts)"
./mvnw "${common[@]}" -pl app -am test \
  -Dtest='FeedDocumentFuzzTest,WebhookFuzzTest,CsvImportFuzzTest' || status=1
after=$(find engine/src/test/resources/fuzz app/src/test/resources/fuzz -type f | sort)
new=$(comm -13 <(echo "$before") <(echo "$after"))
if [[ -n "$new" ]]; then
  echo "new failing inputs, now in the corpus:"
  echo "$new"
else
  echo "no new failing input"
fi
exit $status
