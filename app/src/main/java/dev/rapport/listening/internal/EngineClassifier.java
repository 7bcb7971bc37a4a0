package dev.rapport.listening.internal;

import dev.rapport.engine.match.Match;
import dev.rapport.engine.match.Matcher;
import dev.rapport.engine.match.Post;
import dev.rapport.engine.match.Span;
import dev.rapport.engine.read.BrandSet;
import dev.rapport.engine.read.PostReader;
import dev.rapport.engine.read.Reading;
import dev.rapport.engine.rules.ParseResult;
import dev.rapport.engine.rules.Rule;
import dev.rapport.engine.rules.RuleParser;
import dev.rapport.listening.NormalizedPost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The listening rules run by the engine: the {@link Matcher} finds the rules a post satisfies and
 * their highlight spans, the {@link PostReader} reads what the post means (sentiment, intents, life
 * events, topics, each with its evidence). Rules are added, changed and removed in place while
 * matching goes on; the matcher is thread-safe.
 */
final class EngineClassifier implements PostClassifier {

  private final Matcher matcher = new Matcher();
  private final PostReader reader = PostReader.create();
  private final ObjectMapper json;
  private volatile BrandSet brands = BrandSet.NONE;
  private volatile List<String> loaded = List.of();

  /** Per-post time of the matcher and of the readers, for operators; null when not measured. */
  private final io.micrometer.core.instrument.Timer matchTime;

  private final io.micrometer.core.instrument.Timer readTime;

  EngineClassifier(ObjectMapper json) {
    this(json, null, null);
  }

  EngineClassifier(
      ObjectMapper json,
      io.micrometer.core.instrument.Timer matchTime,
      io.micrometer.core.instrument.Timer readTime) {
    this.json = json;
    this.matchTime = matchTime;
    this.readTime = readTime;
  }

  /**
   * A rule's text in the listening language, or its error with the column. A comma-separated list
   * of plain keywords and phrases is shorthand for their OR, so "acme, acme crm" means {@code acme
   * OR "acme crm"}.
   */
  static ParseResult parse(String text) {
    return RuleParser.parse(toQuery(text));
  }

  /** Where the grouping the engine reads may differ from what the rule's author meant. */
  static List<String> warnings(String text) {
    return RuleParser.warnings(toQuery(text)).stream().map(w -> w.message()).toList();
  }

  static String toQuery(String text) {
    if (text == null || text.indexOf(',') < 0 || text.indexOf('"') >= 0 || text.indexOf('(') >= 0) {
      return text;
    }
    List<String> alternatives = new ArrayList<>();
    for (String keyword : ListeningRules.keywords(text)) {
      alternatives.add(keyword.indexOf(' ') >= 0 ? '"' + keyword + '"' : keyword);
    }
    return String.join(" OR ", alternatives);
  }

  /** Replaces the whole rule set (id → rule text); rules that no longer parse are left out. */
  synchronized void load(Map<String, String> rules) {
    for (String id : loaded) {
      if (!rules.containsKey(id)) {
        matcher.remove(id);
      }
    }
    rules.forEach(
        (id, text) -> {
          if (parse(text) instanceof Rule rule) {
            matcher.put(id, rule);
          } else {
            matcher.remove(id);
          }
        });
    loaded = List.copyOf(rules.keySet());
  }

  int size() {
    return matcher.size();
  }

  void brands(BrandSet brands) {
    this.brands = brands;
  }

  @Override
  public Classification classify(NormalizedPost post) {
    long start = System.nanoTime();
    List<Match> matches =
        matcher.match(
            new Post(
                post.text(),
                post.author() == null ? null : post.author().handle(),
                post.network(),
                post.language(),
                post.url(),
                null));
    long matched = System.nanoTime();
    if (matchTime != null) {
      matchTime.record(matched - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
    if (matches.isEmpty()) {
      return Classification.NONE;
    }
    List<String> ruleIds = new ArrayList<>(matches.size());
    List<Map<String, Object>> spans = new ArrayList<>();
    for (Match m : matches) {
      ruleIds.add(m.ruleId());
      for (Span s : m.spans()) {
        spans.add(Map.of("rule", m.ruleId(), "start", s.start(), "end", s.end()));
      }
    }
    long reading0 = System.nanoTime();
    Reading reading = reader.read(post.text(), post.language(), brands);
    if (readTime != null) {
      readTime.record(System.nanoTime() - reading0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
    return new Classification(
        ruleIds, json.writeValueAsString(spans), json.writeValueAsString(readings(reading)));
  }

  private static Map<String, Object> readings(Reading r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("language", r.language());
    out.put("supported", r.isSupported());
    if (!r.isSupported()) {
      out.put("note", r.note());
      return out;
    }
    r.sentiment()
        .ifPresent(
            s ->
                out.put(
                    "sentiment",
                    Map.of("score", s.score(), "label", s.label().name().toLowerCase())));
    out.put("intents", r.intents());
    out.put("events", r.events());
    out.put("topics", r.topics());
    return out;
  }
}
