package dev.rapport.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.engine.rules.Rule;
import dev.rapport.engine.rules.RuleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MatcherTest {

  private static Rule rule(String text) {
    return (Rule) RuleParser.parse(text);
  }

  private static List<String> ids(List<Match> matches) {
    return matches.stream().map(Match::ruleId).sorted().toList();
  }

  @Test
  void matchesRulesAndHighlightsTheWordsThatMadeThemMatch() {
    Matcher matcher = new Matcher();
    matcher.put("near", rule("nike NEAR/2 shoes"));
    matcher.put("not", rule("nike -adidas"));
    matcher.put("other", rule("reebok"));
    String text = "My NIKE running shoes beat adidas";
    List<Match> matches = matcher.match(text);
    assertThat(ids(matches)).containsExactly("near");
    Match near = matches.get(0);
    assertThat(near.spans()).containsExactly(new Span(3, 7, false), new Span(16, 21, false));
    assertThat(text.substring(3, 7)).isEqualTo("NIKE");
  }

  @Test
  void aPhraseWithinNWordsFindsTheWordsInEitherOrder() {
    Matcher matcher = new Matcher();
    matcher.put("within", rule("\"apple watch\"~2"));
    matcher.put("exact", rule("\"apple watch\""));
    assertThat(ids(matcher.match("the watch from apple"))).containsExactly("within");
    assertThat(ids(matcher.match("apple, the new watch"))).containsExactly("within");
    assertThat(ids(matcher.match("apple makes a very nice watch"))).isEmpty();
    assertThat(ids(matcher.match("an apple watch"))).containsExactly("exact", "within");
  }

  @Test
  void namesJoinedByAnAmpersandAreOneWord() {
    Matcher matcher = new Matcher();
    matcher.put("pt", rule("p&t"));
    matcher.put("hm", rule("H&M"));
    assertThat(ids(matcher.match("P. T. Barnum was here"))).isEmpty();
    assertThat(ids(matcher.match("P&T results are out"))).containsExactly("pt");
    assertThat(ids(matcher.match("bought it at h&m today"))).containsExactly("hm");
    assertThat(ids(matcher.match("h and m"))).isEmpty();
  }

  @Test
  void linksFindsALinkWrittenWithoutItsScheme() {
    Matcher matcher = new Matcher();
    matcher.put("msn", rule("links:msn.com"));
    assertThat(ids(matcher.match("read msn.com/news/today please"))).containsExactly("msn");
    assertThat(ids(matcher.match("read www.msn.com today"))).containsExactly("msn");
    assertThat(ids(matcher.match("the file msn.com is odd"))).isEmpty();
  }

  @Test
  void isCaseAndAccentInsensitiveAndFindsHashtagsByTheirWord() {
    Matcher matcher = new Matcher();
    matcher.put("cafe", rule("cafe AND \"creme brulee\""));
    matcher.put("tag", rule("#launch"));
    matcher.put("word", rule("launch"));
    assertThat(ids(matcher.match("CAFÉ: Crème Brûlée #Launch")))
        .containsExactly("cafe", "tag", "word");
    assertThat(ids(matcher.match("launch day"))).containsExactly("word");
  }

  @Test
  void filtersOnAuthorNetworkLanguageSiteLinksAndTitle() {
    Matcher matcher = new Matcher();
    matcher.put("author", rule("author:@Bob shoes"));
    matcher.put("network", rule("network:mastodon shoes"));
    matcher.put("lang", rule("lang:fr shoes"));
    matcher.put("site", rule("site:example.com shoes"));
    matcher.put("links", rule("links:shop.io shoes"));
    matcher.put("title", rule("title:\"big launch\" shoes"));
    Post post =
        new Post(
            "new shoes at https://www.shop.io/x",
            "bob",
            "Mastodon",
            "en",
            "https://blog.example.com/p/1",
            "Our big launch");
    assertThat(ids(matcher.match(post)))
        .containsExactly("author", "links", "network", "site", "title");
    assertThat(
            matcher.match(post).stream()
                .filter(m -> m.ruleId().equals("title"))
                .findFirst()
                .orElseThrow()
                .spans())
        .contains(new Span(4, 7, true), new Span(8, 14, true));
  }

  @Test
  void wildcardsMatchPrefixesAndSingleCharacters() {
    Matcher matcher = new Matcher();
    matcher.put("prefix", rule("sneak*"));
    matcher.put("single", rule("col?r"));
    assertThat(ids(matcher.match("Sneakers in colour"))).containsExactly("prefix");
    assertThat(ids(matcher.match("sneak a color"))).containsExactly("prefix", "single");
  }

  @Test
  void rulesCanBeReplacedAndRemoved() {
    Matcher matcher = new Matcher();
    matcher.put("r", rule("nike"));
    assertThat(ids(matcher.match("nike"))).containsExactly("r");
    matcher.put("r", rule("adidas"));
    assertThat(matcher.match("nike")).isEmpty();
    assertThat(ids(matcher.match("adidas"))).containsExactly("r");
    assertThat(matcher.remove("r")).isTrue();
    assertThat(matcher.remove("r")).isFalse();
    assertThat(matcher.match("adidas")).isEmpty();
    assertThat(matcher.size()).isZero();
    matcher.put("w", rule("adid*"));
    matcher.remove("w");
    assertThat(matcher.match("adidas")).isEmpty();
  }

  @Test
  void matchesConcurrentlyWhileRulesChange() throws Exception {
    Matcher matcher = new Matcher();
    matcher.put("stable", rule("\"air max\" OR #airmax"));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(
            pool.submit(
                () -> {
                  int seen = 0;
                  for (int i = 0; i < 500; i++) {
                    List<Post> batch =
                        List.of(Post.of("new Air Max " + i), Post.of("#AirMax rule" + i));
                    for (List<Match> matches : matcher.matchAll(batch)) {
                      seen += matches.stream().anyMatch(m -> m.ruleId().equals("stable")) ? 1 : 0;
                    }
                  }
                  return seen;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  matcher.put("rule" + i, rule("rule" + i + " OR air*"));
                  if (i % 2 == 0) {
                    matcher.remove("rule" + (i / 2));
                  }
                }
              });
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo(1_000);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(matcher.size()).isEqualTo(501);
  }

  @Test
  void rulesMoveToARarerAnchorWhenTheirWordTurnsOutCommon() {
    Matcher matcher = new Matcher();
    // "international" looks rarer than "acme" by its length, until many rules use it
    matcher.put("first", rule("acme AND international"));
    assertThat(matcher.anchorTexts("first")).containsExactly("international");
    for (int i = 0; i < 8; i++) {
      matcher.put("other" + i, rule("brand" + i + " AND international"));
    }
    assertThat(matcher.anchorTexts("first")).containsExactly("acme");
    assertThat(ids(matcher.match("acme goes international"))).containsExactly("first");
    assertThat(ids(matcher.match("brand3 goes international"))).containsExactly("other3");
    assertThat(matcher.match("international acme2")).isEmpty();
    for (int i = 0; i < 8; i++) {
      matcher.remove("other" + i);
    }
    assertThat(ids(matcher.match("acme goes international"))).containsExactly("first");
  }

  @Test
  void removedRulesLeaveNoTermsBehind() {
    Matcher matcher = new Matcher();
    matcher.put("stable", rule("acme AND (shoes OR boots) -cheap"));
    matcher.put("prefix", rule("sneak* NEAR/2 col?r"));
    int baseline = matcher.termCount();
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i < 50; i++) {
        String w = "w" + round + "x" + i;
        matcher.put(
            "churn" + i,
            rule(
                w
                    + " AND \"big "
                    + w
                    + "y\" OR "
                    + w
                    + "pre* OR site:"
                    + w
                    + ".com OR author:"
                    + w
                    + " OR t"
                    + w
                    + "?z"));
      }
      assertThat(ids(matcher.match("the w" + round + "x7 big w" + round + "x7y")))
          .containsExactly("churn7");
      for (int i = 0; i < 50; i++) {
        matcher.remove("churn" + i);
      }
      assertThat(matcher.termCount()).as("round %d", round).isEqualTo(baseline);
    }
    assertThat(ids(matcher.match("acme boots sneakers in color")))
        .containsExactly("prefix", "stable");
    assertThat(matcher.match("w3x7pretty and w199x1")).isEmpty();
    matcher.put("late", rule("w3x7pre*"));
    assertThat(ids(matcher.match("w3x7pretty"))).containsExactly("late");
  }

  @Test
  void wordsThatAreNoRulesAnchorStillDecideCandidates() {
    Matcher matcher = new Matcher();
    matcher.put("not", rule("acmecorp -cheap"));
    matcher.put("title", rule("acmecorp AND title:big"));
    matcher.put("phrase", rule("\"acmecorp is big\""));
    assertThat(matcher.anchorTexts("title")).containsExactly("acmecorp");
    assertThat(ids(matcher.match(new Post("acmecorp is big", null, null, null, null, "Big day"))))
        .containsExactly("not", "phrase", "title");
    assertThat(ids(matcher.match(new Post("cheap big acmecorp", null, null, null, null, "day"))))
        .isEmpty();
    assertThat(matcher.match("cheap is big")).isEmpty();
  }
}
