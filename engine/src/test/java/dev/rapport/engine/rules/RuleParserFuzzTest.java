package dev.rapport.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.engine.fuzz.Fuzz;
import dev.rapport.engine.fuzz.Mutators;
import dev.rapport.engine.fuzz.Wtf8;
import dev.rapport.engine.oracle.RuleGenerator;
import dev.rapport.engine.oracle.Vocabulary;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random query text gives a rule or a ParseError, never an exception; rules print and parse back.
 */
class RuleParserFuzzTest {
  private static final String[] FRAGMENTS = {
    "nike",
    "Café",
    "shoes",
    "AND",
    "OR",
    "NOT",
    "-",
    "(",
    ")",
    "\"",
    "\"a b\"",
    "~",
    "~3",
    "NEAR/",
    "NEAR/2",
    "NEAR/3f",
    "NEAR/x",
    "*",
    "?",
    "ni*",
    "ni?e",
    "#tag",
    "@who",
    "$tsla",
    "author:",
    "site:",
    "links:x.com",
    "title:",
    "lang:en",
    "network:",
    "foo:",
    ":)",
    "👍🏽",
    "\u200B",
    "\uD800",
    "\u202E",
    "\u0000",
    " ",
    "  ",
    "9999999999",
    "é",
    "…"
  };

  @Test
  void randomQueryTextGivesARuleOrAParseErrorAndNothingElse() {
    Random random = new Random(7);
    int rules = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + random.nextInt(12);
      for (int p = 0; p < parts; p++) {
        if (random.nextInt(5) == 0) {
          sb.appendCodePoint(random.nextInt(0x2FFFF));
        } else {
          sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        if (random.nextBoolean()) {
          sb.append(' ');
        }
      }
      String text = sb.toString();
      ParseResult result = RuleParser.parse(text);
      if (result instanceof ParseError error) {
        assertThat(error.message()).as(text).isNotBlank().doesNotStartWith("internal");
        assertThat(error.column()).as(text).isBetween(1, text.length() + 1);
      } else {
        rules++;
        Rule rule = (Rule) result;
        assertThat(RuleParser.parse(rule.canonical())).as(text).isEqualTo(rule);
      }
    }
    assertThat(rules).isGreaterThan(1000);
  }

  @Test
  void generatedRulesPrintInCanonicalFormAndParseBackToTheSameRule() {
    Random random = new Random(11);
    RuleGenerator generator = new RuleGenerator(new Vocabulary(500, 1.0, 3), random, 0, 4);
    for (int i = 0; i < 3_000; i++) {
      Rule rule = new Rule(generator.next());
      ParseResult parsed = RuleParser.parse(rule.canonical());
      assertThat(parsed).as(rule.canonical()).isEqualTo(rule);
      assertThat(parsed.toString()).isEqualTo(rule.canonical());
    }
  }

  /**
   * The corpus under src/test/resources/fuzz/rules and mutations of it: a rule or a ParseError
   * whose column lies inside the text, never an exception or an "internal" error; a rule's
   * canonical form parses back to the same rule and prints the same (a stable round trip).
   */
  @Test
  void corpusAndItsMutationsGiveARuleOrAPositionedErrorAndRoundTrip() {
    Fuzz.target("rules", "txt", Mutators.text(FRAGMENTS))
        .tries(3_000)
        .run(input -> check(Wtf8.decode(input)));
  }

  static void check(String text) {
    ParseResult result = RuleParser.parse(text);
    RuleParser.warnings(text);
    if (result instanceof ParseError error) {
      assertThat(error.message()).as(text).isNotBlank().doesNotStartWith("internal");
      assertThat(error.column()).as(text).isBetween(1, text.length() + 1);
      assertThat(error.toString()).endsWith(" at column " + error.column());
      return;
    }
    Rule rule = (Rule) result;
    String canonical = rule.canonical();
    ParseResult again = RuleParser.parse(canonical);
    assertThat(again).as("%s -> %s", text, canonical).isEqualTo(rule);
    assertThat(((Rule) again).canonical()).as(text).isEqualTo(canonical);
  }
}
