package dev.rapport.engine.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rapport.engine.fuzz.Wtf8;

/**
 * Jazzer's coverage-guided harness for the post readers, with the property of {@link
 * ReaderFuzzTest#check} (scores and confidences in range, every evidence span quoting the text at
 * its offsets) and its corpus ({@code ReaderJazzerTestInputs/reader} links to {@code
 * src/test/resources/fuzz/reader}): replayed on every test run, fuzzed by {@code bench/fuzz.sh
 * --jazzer}.
 */
class ReaderJazzerTest {

  @FuzzTest(maxDuration = "60s")
  void reader(byte[] input) {
    ReaderFuzzTest.check(Wtf8.decode(input));
  }
}
