package dev.rapport.engine.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rapport.engine.fuzz.Wtf8;

/**
 * Jazzer's coverage-guided harness for the tokenizer, with the property of {@link
 * TokenizerFuzzTest#check} and its corpus ({@code TokenizerJazzerTestInputs/tokenizer} links to
 * {@code src/test/resources/fuzz/tokenizer}): replayed on every test run, fuzzed by {@code
 * bench/fuzz.sh --jazzer}.
 */
class TokenizerJazzerTest {

  private final Tokens buffer = new Tokens();

  @FuzzTest(maxDuration = "60s")
  void tokenizer(byte[] input) {
    TokenizerFuzzTest.check(Wtf8.decode(input), buffer);
  }
}
