package dev.rapport.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.engine.fuzz.Fuzz;
import dev.rapport.engine.fuzz.Mutators;
import dev.rapport.engine.fuzz.Wtf8;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random Unicode never makes the tokenizer throw, and what it returns is well formed. */
class TokenizerFuzzTest {
  private static final int[] INTERESTING = {
    '#', '@', '$', ':', ')', '(', '\'', '-', '.', ',', '%', ' ', '\n', '\t', 0, 7, 0x7f, 0x200B,
    0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F, 0x202E, 0x2066, 0xFE0F, 0x20E3, 0x0301,
    0x05D0, 0x0627, 0x064B, 0x0915, 0x093F, 0x4E2D, 0x3042, 0x1F600, 0x1F3FD, 0x1F1EB, 0x1F468,
    0xE0067, 0x10FFFF, 'é', 'ß', 'İ', 'ﬁ', '٣', 'h', 't', 'p', 's', '/', 'w', 'x', 'D', '<', '3'
  };

  @Test
  void randomUnicodeNeverThrowsAndGivesWellFormedTokens() {
    Random random = new Random(42);
    Tokens buffer = new Tokens();
    for (int iteration = 0; iteration < 20_000; iteration++) {
      String text = randomText(random);
      check(text, buffer);
    }
  }

  /**
   * The corpus under src/test/resources/fuzz/tokenizer and mutations of it (lone surrogates,
   * invisibles, huge repeats): no exception, tokens in order and inside the text.
   */
  @Test
  void corpusAndItsMutationsGiveWellFormedTokens() {
    Tokens buffer = new Tokens();
    Fuzz.target("tokenizer", "txt", Mutators.text("#", "@", "$", "https://", "www.", ":-)", "'s"))
        .tries(2_000)
        .run(input -> check(Wtf8.decode(input), buffer));
  }

  static void check(String text, Tokens buffer) {
    List<Token> tokens = Tokenizer.tokenize(text);
    Tokenizer.tokenize(text, buffer);
    assertThat(buffer.size()).isEqualTo(tokens.size());
    int lastPosition = -1;
    for (Token t : tokens) {
      assertThat(t.text()).isNotEmpty();
      assertThat(t.start()).isBetween(0, t.end());
      assertThat(t.end()).isLessThanOrEqualTo(text.length());
      assertThat(t.position()).isBetween(lastPosition, lastPosition + 1);
      lastPosition = t.position();
    }
  }

  static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      int r = random.nextInt(10);
      if (r < 4) {
        sb.appendCodePoint(INTERESTING[random.nextInt(INTERESTING.length)]);
      } else if (r < 6) {
        sb.append((char) random.nextInt(0x10000));
      } else if (r < 7) {
        sb.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
      } else if (r < 8) {
        sb.append(random.nextBoolean() ? "https://" : "www.");
      } else {
        sb.append((char) ('a' + random.nextInt(26)));
      }
    }
    return sb.toString();
  }
}
