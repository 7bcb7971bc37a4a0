package dev.rapport.engine.rules;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rapport.engine.fuzz.Wtf8;

/**
 * Jazzer's coverage-guided harness for the rule parser, with the same property as {@link
 * RuleParserFuzzTest#check} and the same corpus: {@code RuleParserJazzerTestInputs/rules} is a link
 * to {@code src/test/resources/fuzz/rules}. On a test run Jazzer replays the corpus (regression
 * mode); {@code bench/fuzz.sh --jazzer} sets {@code JAZZER_FUZZ=1} and fuzzes for a time budget.
 */
class RuleParserJazzerTest {

  @FuzzTest(maxDuration = "60s")
  void rules(byte[] input) {
    RuleParserFuzzTest.check(Wtf8.decode(input));
  }
}
