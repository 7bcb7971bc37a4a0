package dev.rapport.access;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes audit rows in the caller's transaction, values as JSON. */
@Component
class JdbcAuditLog implements AuditLog {

  private final JdbcClient jdbc;
  private final Actors actors;
  private final ObjectMapper json;

  JdbcAuditLog(JdbcClient jdbc, Actors actors, ObjectMapper json) {
    this.jdbc = jdbc;
    this.actors = actors;
    this.json = json;
  }

  @Override
  public void record(
      String objectType, Object objectId, Action action, Object oldValue, Object newValue) {
    Actor actor = actors.current();
    jdbc.sql(
            """
            insert into audit_log (at, actor_id, actor_name, object_type, object_id, action,
                                   old_value, new_value)
            values (:at, :actorId, :actorName, :type, :id, :action, :old, :new)
            """)
        .param("at", Timestamp.from(Instant.now()))
        .param("actorId", actor.userId())
        .param("actorName", actor.name())
        .param("type", objectType)
        .param("id", String.valueOf(objectId))
        .param("action", action.name())
        .param("old", oldValue == null ? null : json.writeValueAsString(oldValue))
        .param("new", newValue == null ? null : json.writeValueAsString(newValue))
        .update();
  }
}
