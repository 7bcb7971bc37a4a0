package dev.rapport.access.audit;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.AuditLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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
  private final Actors actors;
  private final ObjectMapper json;

  public AuditLogFacade(JdbcTemplate template, Actors actors, ObjectMapper json) {
    this.template = template;
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
}
