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
 * The INTERIM keyword rules (table listening_rule): a name and comma-separated keywords or phrases.
 * Every change reloads the classifier's index. Replaced by the engine's rule language.
 */
@Component
class ListeningRules {

  /** One rule as the API shows it. */
  record Rule(long id, String name, String keywords, boolean enabled) {}

  private final JdbcClient jdbc;
  private final KeywordRuleClassifier classifier;

  ListeningRules(JdbcClient jdbc, KeywordRuleClassifier classifier) {
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
        .param("k", String.join(", ", keywords(keywords)))
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
        .param("k", String.join(", ", keywords(keywords)))
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
    if (keywords == null || keywords(keywords).isEmpty() || keywords.length() > 4000) {
      errors.add(
          new InvalidInputException.FieldError(
              "keywords", "give one or more comma-separated keywords (at most 4000 characters)"));
    } else {
      for (String k : keywords(keywords)) {
        if (KeywordRuleClassifier.words(k).isEmpty()) {
          errors.add(
              new InvalidInputException.FieldError(
                  "keywords", "'" + k + "' has no letters or digits to match"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
