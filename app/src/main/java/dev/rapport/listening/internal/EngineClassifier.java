package dev.rapport.listening.internal;

import dev.rapport.engine.match.Match;
import dev.rapport.engine.match.Matcher;
import dev.rapport.engine.match.Post;
import dev.rapport.engine.match.Span;
import dev.rapport.engine.read.BrandSet;
import dev.rapport.engine.read.EventSignal;
import dev.rapport.engine.read.Evidence;
import dev.rapport.engine.read.IntentSignal;
import dev.rapport.engine.read.PostReader;
import dev.rapport.engine.read.Reading;
import dev.rapport.engine.read.TopicSignal;
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
                author(post.author()),
                post.network(),
                post.languages().isEmpty() ? null : String.join(" ", post.languages()),
                post.url(),
                null,
                post.links()));
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

  /** The author's handle and, when the network knows them by another name too, that name. */
  static String author(NormalizedPost.Author a) {
    if (a == null) {
      return null;
    }
    return a.alias() == null || a.alias().isBlank() ? a.handle() : a.handle() + " " + a.alias();
  }

  /**
   * The reading as stored with the mention: sentiment with its score, label and evidence, intents
   * and life events with confidence and evidence (events with their timing, trigger or caution),
   * topics. Enum values are stored upper case ({@code "intent":"BUYING"}); the mention filters
   * search these members.
   */
  static Map<String, Object> readings(Reading r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("language", r.language());
    out.put("supported", r.isSupported());
    if (!r.isSupported()) {
      out.put("note", r.note());
      return out;
    }
    r.sentiment()
        .ifPresent(
            s -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("score", s.score());
              m.put("label", s.label().name().toLowerCase(java.util.Locale.ROOT));
              m.put("evidence", evidence(s.evidence()));
              out.put("sentiment", m);
            });
    List<Map<String, Object>> intents = new ArrayList<>();
    for (IntentSignal i : r.intents()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("intent", i.intent().name());
      m.put("confidence", i.confidence());
      m.put("target", i.target());
      m.put("about", i.about().name());
      m.put("evidence", evidence(i.evidence()));
      intents.add(m);
    }
    out.put("intents", intents);
    List<Map<String, Object>> events = new ArrayList<>();
    for (EventSignal e : r.events()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", e.event().name());
      m.put("confidence", e.confidence());
      m.put("subject", e.subject());
      m.put("timing", e.timing().name());
      m.put("evidence", evidence(e.evidence()));
      events.add(m);
    }
    out.put("events", events);
    List<Map<String, Object>> topics = new ArrayList<>();
    for (TopicSignal t : r.topics()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("topic", t.topic());
      m.put("weight", t.weight());
      m.put("evidence", evidence(t.evidence()));
      topics.add(m);
    }
    out.put("topics", topics);
    return out;
  }

  private static List<Map<String, Object>> evidence(List<Evidence> evidence) {
    List<Map<String, Object>> out = new ArrayList<>(evidence.size());
    for (Evidence e : evidence) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", e.start());
      m.put("end", e.end());
      m.put("text", e.text());
      m.put("cue", e.cue());
      out.add(m);
    }
    return out;
  }
}
