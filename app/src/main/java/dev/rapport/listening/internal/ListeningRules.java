package dev.rapport.listening.internal;

import dev.rapport.engine.rules.ParseError;
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

  /**
   * One rule as the API shows it: the query as its author wrote it (also under the legacy name
   * keywords) and the canonical form the engine reads, null when the stored text no longer parses;
   * warnings say where the grouping Rapport reads may differ from what the author meant.
   */
  record Rule(
      long id,
      String name,
      String query,
      String keywords,
      String canonical,
      boolean enabled,
      List<String> warnings) {}

  private static final String COLUMNS = "select id, name, keywords, enabled from listening_rule";

  private final JdbcClient jdbc;
  private final EngineClassifier classifier;

  ListeningRules(JdbcClient jdbc, EngineClassifier classifier) {
    this.jdbc = jdbc;
    this.classifier = classifier;
    reload();
  }

  List<Rule> all() {
    return jdbc.sql(COLUMNS + " order by id").query(ListeningRules::row).list();
  }

  Rule get(long id) {
    return jdbc.sql(COLUMNS + " where id = :id")
        .param("id", id)
        .query(ListeningRules::row)
        .optional()
        .orElseThrow(() -> new NotFoundException("listening rule", id));
  }

  private static Rule row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    String text = rs.getString(3);
    String canonical =
        EngineClassifier.parse(text) instanceof dev.rapport.engine.rules.Rule r
            ? r.canonical()
            : null;
    return new Rule(
        rs.getLong(1),
        rs.getString(2),
        text,
        text,
        canonical,
        rs.getBoolean(4),
        EngineClassifier.warnings(text));
  }

  @Transactional
  Rule create(String name, String keywords, boolean enabled) {
    return create(name, keywords, enabled, "keywords");
  }

  /** Creates a rule; errors in the query name {@code field}, the field it came in. */
  @Transactional
  Rule create(String name, String keywords, boolean enabled, String field) {
    check(name, keywords, field);
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
      check(e.getKey(), e.getValue(), "keywords");
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
    return update(id, name, keywords, enabled, "keywords");
  }

  @Transactional
  Rule update(long id, String name, String keywords, boolean enabled, String field) {
    get(id);
    check(name, keywords, field);
    jdbc.sql("update listening_rule set name = :n, keywords = :k, enabled = :e where id = :id")
        .param("n", name.strip())
        .param("k", normalised(keywords))
        .param("e", enabled)
        .param("id", id)
        .update();
    reload();
    return get(id);
  }

  /** Turns a rule on or off; the matcher follows at once. */
  @Transactional
  Rule enable(long id, boolean enabled) {
    get(id);
    jdbc.sql("update listening_rule set enabled = :e where id = :id")
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

  /** The enabled rules (id → text) as last loaded into the matcher. */
  private Map<String, String> loadedRules = Map.of();

  synchronized void reload() {
    Map<String, String> enabled = enabledRules();
    classifier.load(enabled);
    loadedRules = enabled;
  }

  /**
   * Loads the enabled rules again only if they differ from those loaded: another process changed
   * them. Kafka-mode matchers call it periodically, since a rule saved through one process reloads
   * only that process's matcher. True if they were reloaded.
   */
  synchronized boolean reloadIfChanged() {
    Map<String, String> enabled = enabledRules();
    if (enabled.equals(loadedRules)) {
      return false;
    }
    classifier.load(enabled);
    loadedRules = enabled;
    return true;
  }

  private Map<String, String> enabledRules() {
    Map<String, String> enabled = new LinkedHashMap<>();
    jdbc.sql("select id, keywords from listening_rule where enabled = true")
        .query(
            rs -> {
              enabled.put(String.valueOf(rs.getLong(1)), rs.getString(2));
            });
    return enabled;
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

  private static void check(String name, String keywords, String field) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      errors.add(new InvalidInputException.FieldError("name", "must be 1-200 characters"));
    }
    if (keywords == null || keywords.isBlank() || keywords.length() > 4000) {
      errors.add(
          new InvalidInputException.FieldError(
              field, "give a rule query or comma-separated keywords (at most 4000 characters)"));
    } else if (EngineClassifier.parse(keywords) instanceof ParseError e) {
      throw new RuleQueryRefused(errors, field, EngineClassifier.toQuery(keywords), e);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
