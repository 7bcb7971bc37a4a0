package dev.rapport.access.audit;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.AuditLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes audit rows in the caller's transaction, values as JSON. */
@Component
class AuditLogFacade implements AuditLog {

  private static final String INSERT =
      """
      insert into audit_log (at, actor_id, actor_name, object_type, object_id, action,
                             old_value, new_value)
      values (?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private final JdbcTemplate template;
  private final NamedParameterJdbcTemplate named;
  private final Actors actors;
  private final ObjectMapper json;

  public AuditLogFacade(JdbcTemplate template, Actors actors, ObjectMapper json) {
    this.template = template;
    this.named = new NamedParameterJdbcTemplate(template);
    this.actors = actors;
    this.json = json;
  }

  @Override
  public void record(
      String objectType, Object objectId, Action action, Object oldValue, Object newValue) {
    Actor actor = actors.current();
    // positional and typed, like recordAll: no named-parameter parsing, no parameter metadata
    // lookups for nulls, on a path every write takes
    Timestamp at = Timestamp.from(Instant.now());
    template.update(
        INSERT,
        ps -> bind(ps, at, actor, new Entry(objectType, objectId, action, oldValue, newValue)));
  }

  /** One JDBC batch for all entries: same rows, same actor and time as {@link #record} each. */
  @Override
  public void recordAll(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Actor actor = actors.current();
    Timestamp at = Timestamp.from(Instant.now());
    template.batchUpdate(INSERT, entries, 500, (ps, e) -> bind(ps, at, actor, e));
  }

  private void bind(java.sql.PreparedStatement ps, Timestamp at, Actor actor, Entry e)
      throws java.sql.SQLException {
    ps.setTimestamp(1, at);
    if (actor.userId() == null) {
      ps.setNull(2, java.sql.Types.BIGINT);
    } else {
      ps.setObject(2, actor.userId());
    }
    ps.setString(3, actor.name());
    ps.setString(4, e.objectType());
    ps.setString(5, String.valueOf(e.objectId()));
    ps.setString(6, e.action().name());
    ps.setString(7, e.oldValue() == null ? null : json.writeValueAsString(e.oldValue()));
    ps.setString(8, e.newValue() == null ? null : json.writeValueAsString(e.newValue()));
  }

  /** What an erased row's new value says instead of the personal data it held. */
  static final String ERASED = "{\"erased\":true}";

  private static final int CHUNK = 500;

  @Override
  public int erase(String objectType, Collection<?> objectIds) {
    int blanked = 0;
    for (List<String> ids : chunks(objectIds)) {
      blanked +=
          named.update(
              "update audit_log set old_value = null, new_value = :erased"
                  + " where object_type = :type and object_id in (:ids)",
              Map.of("erased", ERASED, "type", objectType, "ids", ids));
    }
    return blanked;
  }

  @Override
  public List<Row> about(String objectType, Collection<?> objectIds) {
    List<Row> rows = new ArrayList<>();
    for (List<String> ids : chunks(objectIds)) {
      rows.addAll(
          named.query(
              "select * from audit_log where object_type = :type and object_id in (:ids)",
              Map.of("type", objectType, "ids", ids),
              (rs, n) ->
                  new Row(
                      rs.getLong("id"),
                      rs.getTimestamp("at").toInstant(),
                      rs.getString("actor_name"),
                      rs.getString("object_type"),
                      rs.getString("object_id"),
                      Action.valueOf(rs.getString("action")),
                      rs.getString("old_value"),
                      rs.getString("new_value"))));
    }
    rows.sort(Comparator.comparing(Row::at).thenComparing(Row::id));
    return rows;
  }

  private static List<List<String>> chunks(Collection<?> objectIds) {
    List<String> all = objectIds.stream().map(String::valueOf).distinct().toList();
    List<List<String>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return out;
  }
}
