package dev.rapport.listening.internal;

import dev.rapport.listening.HeardPosts;
import dev.rapport.people.PersonId;
import dev.rapport.people.VisiblePersons;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Captured posts for the workspace: by person, by words (full text on PostgreSQL), counted. */
@Component
class HeardPostsFacade implements HeardPosts {

  private static final String COLUMNS =
      "id, author_person_id, network, author_handle, text, url, created_at";
  private static final int MAX = 200;

  private final JdbcClient jdbc;
  private final boolean postgres;
  private final MentionScope scope;

  HeardPostsFacade(JdbcClient jdbc, DataSource dataSource, MentionScope scope) {
    this.jdbc = jdbc;
    this.scope = scope;
    this.postgres = isPostgres(dataSource);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Post> byPerson(PersonId person, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from listening_mention where author_person_id = :p"
                + " order by created_at desc, id desc fetch first "
                + clamp(limit)
                + " rows only")
        .param("p", person.value())
        .query(HeardPostsFacade::post)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Post> search(String text, int limit) {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty()) {
      return List.of();
    }
    return postgres ? fullText(q, clamp(limit)) : contains(q, clamp(limit));
  }

  @Override
  @Transactional(readOnly = true)
  public long capturedSince(Instant since) {
    return jdbc.sql("select count(*) from listening_mention where captured_at >= :since")
        .param("since", Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  private List<Post> fullText(String q, int limit) {
    VisiblePersons.Condition visible = scope.current();
    // the same expression as the GIN index of V53_7 (db/vendor/postgresql)
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from listening_mention, websearch_to_tsquery('simple', :q) query"
                + " where to_tsvector('simple', text) @@ query and "
                + visible.sql()
                + " order by ts_rank(to_tsvector('simple', text), query) desc, created_at desc,"
                + " id desc fetch first "
                + limit
                + " rows only")
        .params(visible.params())
        .param("q", q)
        .query(HeardPostsFacade::post)
        .list();
  }

  /** The fallback: every word contained (case folded), most words-per-length first, then newest. */
  private List<Post> contains(String q, int limit) {
    List<String> words =
        Arrays.stream(q.toLowerCase(Locale.ROOT).split("[\\s\"]+"))
            .filter(w -> !w.isBlank())
            .limit(8)
            .toList();
    if (words.isEmpty()) {
      return List.of();
    }
    VisiblePersons.Condition visible = scope.current();
    StringBuilder where = new StringBuilder(" where " + visible.sql());
    Map<String, Object> params = new HashMap<>(visible.params());
    for (int i = 0; i < words.size(); i++) {
      where.append(" and lower(text) like :w").append(i).append(" escape '\\'");
      params.put("w" + i, "%" + escape(words.get(i)) + "%");
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from listening_mention"
                + where
                + " order by length(text), created_at desc, id desc fetch first "
                + limit
                + " rows only")
        .params(params)
        .query(HeardPostsFacade::post)
        .list();
  }

  private static String escape(String word) {
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static int clamp(int limit) {
    return Math.max(1, Math.min(limit, MAX));
  }

  private static Post post(ResultSet rs, int n) throws SQLException {
    Long person = rs.getObject(2, Long.class);
    return new Post(
        rs.getLong(1),
        person == null ? null : new PersonId(person),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant());
  }

  private static boolean isPostgres(DataSource dataSource) {
    try {
      String product =
          JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
      return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    } catch (Exception e) {
      return false;
    }
  }
}
