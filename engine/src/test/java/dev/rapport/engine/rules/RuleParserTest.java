package dev.rapport.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

  private static String canonical(String text) {
    ParseResult result = RuleParser.parse(text);
    assertThat(result).as(text).isInstanceOf(Rule.class);
    return result.toString();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          nike shoes                                 | nike AND shoes
          Nike AND (Shoes OR sneakers)               | nike AND (shoes OR sneakers)
          nike OR adidas -puma                       | nike OR (adidas AND NOT puma)
          nike NOT puma NOT reebok                   | nike AND NOT puma AND NOT reebok
          "Just   Do It"~2                           | "just do it"~2
          "nike"                                     | nike
          e-mail                                     | "e mail"
          nike NEAR/3 shoes                          | nike NEAR/3 shoes
          (nike OR "air max") NEAR/5f run*           | (nike OR "air max") NEAR/5f run*
          #Nike @Adidas $TSLA                        | #nike AND @adidas AND $tsla
          Caf? CAFÉ                                  | caf? AND cafe
          soooooo good                               | soo AND good
          site:www.Example.com links:http://ex.org/a | site:example.com AND links:ex.org
          author:@Bob lang:EN network:Mastodon       | author:bob AND lang:en AND network:mastodon
          title:"launch day" title:laun*             | title:"launch day" AND title:laun*
          3.5GHz                                     | "3.5ghz"
          ":)" OR 👍                                  | ":)" OR "👍"
          NOT (a b) c                                | NOT (a AND b) AND c
          """)
  void parsesTheLanguageToACanonicalForm(String text, String expected) {
    assertThat(canonical(text)).isEqualTo(expected);
    assertThat(canonical(expected)).isEqualTo(expected);
    assertThat(RuleParser.parse(expected)).isEqualTo(RuleParser.parse(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          nike NEAR/ shoes          | NEAR/ needs a number                                  | 11
          nike NEAR/3x shoes        | NEAR/ needs a number, then f for in order            | 12
          nike AND                  | the rule ends where a term was expected               | 9
          (nike OR adidas           | this ( is never closed                                | 1
          nike)                     | this ) has no ( to close                              | 5
          "just do it               | the quote opened here is never closed                 | 1
          "a b"~                    | ~ needs a number                                      | 7
          NOT nike                  | NOT must be joined with AND to something the rule looks for | 1
          nike OR NOT adidas        | NOT must be joined with AND to something the rule looks for | 9
          -nike -adidas             | NOT must be joined with AND to something the rule looks for | 1
          a* shoes                  | a wildcard needs at least 2 letters before * or ?     | 1
          ni*ke                     | * is allowed only at the end of a word                | 3
          "ni* ke"                  | wildcards are not allowed inside quotes               | 1
          colour:red                | unknown field 'colour:' (known: author:, network:, lang:, site:, links:, title:) | 1
          a NEAR/2 b NEAR/2 c       | NEAR/ joins two operands; use AND between two NEAR/ pairs | 12
          (a AND b) NEAR/2 c        | NEAR/ works on words, exact phrases or an OR of those | 1
          OR nike                   | OR needs a term before it                             | 1
          ()                        | empty parentheses                                     | 1
          nike NEAR/500 shoes       | a distance can be at most 100                         | 11
          author:"bob smith"        | author: takes one word, not a phrase                  | 8
          site:exa$mple.com         | site: does not allow '$'                              | 9
          ...                       | '...' has nothing to search for                        | 1
          """)
  void refusesBadRulesWithAMessageAndAColumn(String text, String message, int column) {
    assertThat(RuleParser.parse(text)).isEqualTo(new ParseError(message, column));
  }

  /** Found by the fuzzer: a quoted word that another product uses as an operator stays quoted. */
  @ParameterizedTest
  @CsvSource({"'\"with\"'", "'\"sentence\"'", "'\"notwith\"'", "'\"w/5\"'", "'\"and\"'"})
  void searchedWordsThatAreOperatorsElsewhereStayQuotedInTheCanonicalForm(String text) {
    Rule rule = (Rule) RuleParser.parse(text);
    assertThat(RuleParser.parse(rule.canonical())).isEqualTo(rule);
  }

  @Test
  void refusesRulesPastItsLimits() {
    assertThat(RuleParser.parse("a".repeat(5000)))
        .isEqualTo(new ParseError("the rule is longer than 4096 characters", 4097));
    assertThat(RuleParser.parse("(".repeat(20) + "a" + ")".repeat(20)))
        .isEqualTo(new ParseError("the rule nests deeper than 16 levels", 17));
    String manyTerms = String.join(" OR ", java.util.Collections.nCopies(129, "nike"));
    assertThat(((ParseError) RuleParser.parse(manyTerms)).message())
        .isEqualTo("a rule can have at most 128 terms");
    String manyWildcards = String.join(" OR ", java.util.Collections.nCopies(9, "nik*"));
    assertThat(RuleParser.parse(manyWildcards))
        .isEqualTo(new ParseError("a rule can have at most 8 wildcards", 65));
    assertThat(RuleParser.parse("   ")).isEqualTo(new ParseError("the rule is empty", 1));
  }

  @Test
  void exposesTheSyntaxTree() {
    Rule rule = (Rule) RuleParser.parse("nike NEAR/2f \"air max\" -puma");
    assertThat(rule.expr())
        .isEqualTo(
            new Expr.And(
                List.of(
                    new Expr.Near(
                        new Expr.Term("nike"), new Expr.Phrase(List.of("air", "max"), 0), 2, true),
                    new Expr.Not(new Expr.Term("puma")))));
  }
}
