package dev.rapport.listening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of a mention's readings the filters use, kept in columns beside the JSON: the
 * sentiment's label and score, and the intents and life events (lower case, as the filters name
 * them). Written with every stored, edited or deleted mention and by the V67_3 backfill, from the
 * same JSON.
 */
record ReadingColumns(String label, Double score, List<String> intents, List<String> events) {

  static final ReadingColumns NONE = new ReadingColumns(null, null, List.of(), List.of());

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> LABELS = Set.of("positive", "neutral", "negative");

  /** The columns of readings JSON as {@link EngineClassifier} writes it; none when unreadable. */
  static ReadingColumns of(String readingsJson) {
    JsonNode r;
    try {
      r = readingsJson == null || readingsJson.isBlank() ? null : JSON.readTree(readingsJson);
    } catch (RuntimeException e) {
      return NONE;
    }
    if (r == null || !r.isObject()) {
      return NONE;
    }
    JsonNode s = r.path("sentiment");
    String label = s.path("label").asString(null);
    label = label == null ? null : label.toLowerCase(Locale.ROOT);
    if (label != null && !LABELS.contains(label)) {
      label = null;
    }
    Double score = s.path("score").isNumber() ? s.path("score").asDouble() : null;
    return new ReadingColumns(
        label, score, values(r.path("intents"), "intent"), values(r.path("events"), "event"));
  }

  private static List<String> values(JsonNode array, String member) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      String v = n.path(member).asString(null);
      if (v != null && !v.isBlank() && v.length() <= 40) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!out.contains(lower)) {
          out.add(lower);
        }
      }
    }
    return out;
  }

  /** Replaces the mention's reading columns and signal rows with these. */
  void write(JdbcClient jdbc, long mentionId) {
    jdbc.sql(
            "update listening_mention set sentiment_label = :l, sentiment_score = :s where id = :id")
        .param("l", label)
        .param("s", score)
        .param("id", mentionId)
        .update();
    jdbc.sql("delete from listening_mention_signal where mention_id = :id")
        .param("id", mentionId)
        .update();
    for (String i : intents) {
      insert(jdbc, mentionId, "intent", i);
    }
    for (String e : events) {
      insert(jdbc, mentionId, "event", e);
    }
  }

  private static void insert(JdbcClient jdbc, long mentionId, String kind, String signal) {
    jdbc.sql("insert into listening_mention_signal (mention_id, kind, signal) values (:m, :k, :s)")
        .param("m", mentionId)
        .param("k", kind)
        .param("s", signal)
        .update();
  }
}
