package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The listening rules (table listening_rule): a name and a query in the listening rule language
 * (terms, "phrases", AND/OR/NOT, NEAR/n, wildcards, #tags, @mentions, field filters); a
 * comma-separated keyword list is accepted as shorthand for their OR. A rule that does not parse is
 * refused with the parser's message and column. Every change reloads the engine's matcher.
 */
@Component
class ListeningRules {

  /** One rule as the API shows it. */
  record Rule(long id, String name, String keywords, boolean enabled) {}

  private final JdbcClient jdbc;
  private final EngineClassifier classifier;

  ListeningRules(JdbcClient jdbc, EngineClassifier classifier) {
    this.jdbc = jdbc;
    this.classifier = classifier;
    reload();
  }

  List<Rule> all() {
    return jdbc.sql("select id, name, keywords, enabled from listening_rule order by id")
        .query(Rule.class)
        .list();
  }

  Rule get(long id) {
    return jdbc.sql("select id, name, keywords, enabled from listening_rule where id = :id")
        .param("id", id)
        .query(Rule.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("listening rule", id));
  }

  @Transactional
  Rule create(String name, String keywords, boolean enabled) {
    check(name, keywords);
    jdbc.sql(
            "insert into listening_rule (name, keywords, enabled, created_at) values (:n, :k, :e, :t)")
        .param("n", name.strip())
        .param("k", normalised(keywords))
        .param("e", enabled)
        .param("t", Timestamp.from(Instant.now()))
        .update();
    long id =
        jdbc.sql("select max(id) from listening_rule where name = :n")
            .param("n", name.strip())
            .query(Long.class)
            .single();
    reload();
    return get(id);
  }

  /** Inserts many rules at once (bench, demo); one index reload at the end. */
  @Transactional
  void createAll(Map<String, String> nameToKeywords) {
    Timestamp now = Timestamp.from(Instant.now());
    for (Map.Entry<String, String> e : nameToKeywords.entrySet()) {
      check(e.getKey(), e.getValue());
      jdbc.sql(
              "insert into listening_rule (name, keywords, enabled, created_at) values (:n, :k, true, :t)")
          .param("n", e.getKey())
          .param("k", e.getValue())
          .param("t", now)
          .update();
    }
    reload();
  }

  @Transactional
  Rule update(long id, String name, String keywords, boolean enabled) {
    get(id);
    check(name, keywords);
    jdbc.sql("update listening_rule set name = :n, keywords = :k, enabled = :e where id = :id")
        .param("n", name.strip())
        .param("k", normalised(keywords))
        .param("e", enabled)
        .param("id", id)
        .update();
    reload();
    return get(id);
  }

  @Transactional
  void delete(long id) {
    get(id);
    jdbc.sql("delete from listening_rule where id = :id").param("id", id).update();
    reload();
  }

  void reload() {
    Map<String, String> enabled = new LinkedHashMap<>();
    jdbc.sql("select id, keywords from listening_rule where enabled = true")
        .query(
            rs -> {
              enabled.put(String.valueOf(rs.getLong(1)), rs.getString(2));
            });
    classifier.load(enabled);
  }

  /** A keyword list is stored tidied ("a, b"); a query is stored as its author wrote it. */
  private static String normalised(String raw) {
    String query = EngineClassifier.toQuery(raw);
    return query.equals(raw) ? raw.strip() : String.join(", ", keywords(raw));
  }

  static List<String> keywords(String raw) {
    return Arrays.stream(raw.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  private static void check(String name, String keywords) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      errors.add(new InvalidInputException.FieldError("name", "must be 1-200 characters"));
    }
    if (keywords == null || keywords.isBlank() || keywords.length() > 4000) {
      errors.add(
          new InvalidInputException.FieldError(
              "keywords",
              "give a rule query or comma-separated keywords (at most 4000 characters)"));
    } else {
      EngineClassifier.error(keywords)
          .ifPresent(e -> errors.add(new InvalidInputException.FieldError("keywords", e)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
