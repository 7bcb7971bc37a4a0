package dev.rapport.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.engine.oracle.LuceneTranslation;
import dev.rapport.engine.oracle.PostGenerator;
import dev.rapport.engine.oracle.RuleGenerator;
import dev.rapport.engine.oracle.Vocabulary;
import dev.rapport.engine.rules.Expr;
import dev.rapport.engine.rules.ParseResult;
import dev.rapport.engine.rules.Rule;
import dev.rapport.engine.rules.RuleParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lucene Monitor is the oracle: for generated rules (terms, hashtags, wildcards, phrases, ~n,
 * NEAR/n, NEAR/nf, NOT, OR, nesting, fields) and Zipf posts, every post must match exactly the same
 * rules in both. Deliberate differences, mirrored in {@link LuceneTranslation} rather than hidden:
 * the oracle analyses with our social tokenizer (Lucene's StandardAnalyzer would split #hashtags,
 *
 * @mentions, URLs and emoji and keep elongations); "phrase"~n means the words in any order within n
 *     other words (an unordered SpanNearQuery), not Lucene's sloppy phrase; NOT is only allowed
 *     inside an AND (a lone NOT matches nothing in Lucene and is refused by our parser); the
 *     generator avoids NEAR with the same word on both sides and phrases that repeat a word, where
 *     Lucene's lazy span matching is not exhaustive.
 */
class LuceneDifferentialTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void everyPostMatchesTheSameRulesAsLuceneMonitor(long seed) throws IOException {
    Random random = new Random(seed);
    Vocabulary vocabulary = new Vocabulary(1000, 1.0, seed);
    RuleGenerator rules = new RuleGenerator(vocabulary, random, 5, 3);
    PostGenerator posts = new PostGenerator(vocabulary, random);

    List<Expr> exprs = new ArrayList<>();
    Matcher matcher = new Matcher();
    List<MonitorQuery> queries = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Expr expr = rules.next();
      ParseResult parsed = RuleParser.parse(new Rule(expr).toString());
      assertThat(parsed).isEqualTo(new Rule(expr));
      exprs.add(expr);
      matcher.put("r" + i, (Rule) parsed);
      queries.add(new MonitorQuery("r" + i, LuceneTranslation.query(expr)));
    }

    List<Post> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Post post = posts.next();
      batch.add(i % 3 == 0 ? posts.plant(post, exprs.get(random.nextInt(exprs.size()))) : post);
    }

    List<String> differences = new ArrayList<>();
    int matches = 0;

    try (Monitor monitor = new Monitor(LuceneTranslation.analyzer())) {
      monitor.register(queries);
      for (int from = 0; from < batch.size(); from += 100) {
        List<Post> chunk = batch.subList(from, Math.min(batch.size(), from + 100));
        MultiMatchingQueries<QueryMatch> expected =
            monitor.match(
                chunk.stream().map(LuceneTranslation::document).toArray(Document[]::new),
                QueryMatch.SIMPLE_MATCHER);
        List<List<Match>> actual = matcher.matchAll(chunk);
        for (int i = 0; i < chunk.size(); i++) {
          Set<String> want =
              expected.getMatches(i).stream()
                  .map(QueryMatch::getQueryId)
                  .collect(Collectors.toCollection(TreeSet::new));
          Set<String> got =
              actual.get(i).stream()
                  .map(Match::ruleId)
                  .collect(Collectors.toCollection(TreeSet::new));
          matches += want.size();
          if (!want.equals(got) && differences.size() < 10) {
            differences.add(describe(chunk.get(i), want, got, exprs));
          }
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(matches).as("matches across all posts").isGreaterThan(500);
  }

  @Test
  void questionMarkStandsForOneCodePointAsInLucene() throws IOException {
    String[] rules = {"col?r", "co??r", "col??r", "co?*", "ma?h"};
    // U+1D45C MATHEMATICAL ITALIC SMALL O is a letter outside the BMP: one code point, two chars
    String o = new String(Character.toChars(0x1D45C));
    String[] texts = {"col" + o + "r", "colour", "color", "m" + o + o + "h", "ma" + o + "h"};
    Matcher matcher = new Matcher();
    List<MonitorQuery> queries = new ArrayList<>();
    for (String text : rules) {
      Rule rule = (Rule) RuleParser.parse(text);
      matcher.put(text, rule);
      queries.add(new MonitorQuery(text, LuceneTranslation.query(rule.expr())));
    }
    try (Monitor monitor = new Monitor(LuceneTranslation.analyzer())) {
      monitor.register(queries);
      for (String text : texts) {
        Post post = Post.of(text);
        Set<String> want =
            monitor
                .match(LuceneTranslation.document(post), QueryMatch.SIMPLE_MATCHER)
                .getMatches()
                .stream()
                .map(QueryMatch::getQueryId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> got =
            matcher.match(post).stream()
                .map(Match::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(got).as(text).isEqualTo(want);
      }
    }
    assertThat(matcher.match("col" + o + "r").stream().map(Match::ruleId))
        .containsExactlyInAnyOrder("col?r", "co??r", "co?*");
    assertThat(matcher.match("ma" + o + "h").stream().map(Match::ruleId)).containsExactly("ma?h");
  }

  private static String describe(Post post, Set<String> want, Set<String> got, List<Expr> exprs) {
    Set<String> onlyLucene = new TreeSet<>(want);
    onlyLucene.removeAll(got);
    Set<String> onlyOurs = new TreeSet<>(got);
    onlyOurs.removeAll(want);
    StringBuilder sb = new StringBuilder("post " + post + "\n");
    for (String id : onlyLucene) {
      sb.append("  only Lucene ").append(id).append(": ").append(rule(id, exprs)).append('\n');
    }
    for (String id : onlyOurs) {
      sb.append("  only ours ").append(id).append(": ").append(rule(id, exprs)).append('\n');
    }
    return sb.toString();
  }

  private static String rule(String id, List<Expr> exprs) {
    return new Rule(exprs.get(Integer.parseInt(id.substring(1)))).toString();
  }
}
