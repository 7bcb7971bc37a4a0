package dev.rapport.access.audit;

import dev.rapport.access.signin.ThrottledSignIn;
import dev.rapport.access.users.ListPage;
import dev.rapport.access.users.PageRequest;
import dev.rapport.access.users.UserInput;
import dev.rapport.access.visibility.RecordVisibilityFacade;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads the audit log for admins: filtered by object, actor and time, newest first, in pages. */
@Component
public class AuditTrailStore {

  private static final java.util.Set<String> NAMED_IDS =
      java.util.Set.of(RecordVisibilityFacade.AUDIT_TYPE, ThrottledSignIn.AUDIT_TYPE);

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public AuditTrailStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public ListPage<Entry> find(Filter f, int page, int size) {
    UserInput in = new UserInput();
    PageRequest p = PageRequest.of(in, page, size);
    Instant from = instant(in, "from", f.from());
    Instant to = instant(in, "to", f.to());
    objectId(in, f);
    in.check();
    List<String> where = new ArrayList<>();
    if (present(f.objectType())) {
      where.add("object_type = :type");
    }
    if (present(f.objectId())) {
      where.add("object_id = :id");
    }
    if (present(f.actor())) {
      where.add("actor_name = :actor");
    }
    if (from != null) {
      where.add("at >= :from");
    }
    if (to != null) {
      where.add("at < :to");
    }
    String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    long total =
        bind(jdbc.sql("select count(*) from audit_log" + clause), f, from, to)
            .query(Long.class)
            .single();
    List<Entry> items =
        bind(
                jdbc.sql(
                    "select id, at, actor_id, actor_name, object_type, object_id, action,"
                        + " old_value, new_value from audit_log"
                        + clause
                        + " order by at desc, id desc offset :off rows fetch next :lim rows only"),
                f,
                from,
                to)
            .param("off", p.offset())
            .param("lim", p.size())
            .query(
                (rs, n) ->
                    new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        (Long) rs.getObject("actor_id", Long.class),
                        rs.getString("actor_name"),
                        rs.getString("object_type"),
                        rs.getString("object_id"),
                        rs.getString("action"),
                        tree(rs.getString("old_value")),
                        tree(rs.getString("new_value"))))
            .list();
    return new ListPage<>(items, p.page(), p.size(), total);
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, Filter f, Instant from, Instant to) {
    return spec.param("type", blankToNull(f.objectType()))
        .param("id", blankToNull(f.objectId()))
        .param("actor", blankToNull(f.actor()))
        .param("from", from == null ? null : Timestamp.from(from))
        .param("to", to == null ? null : Timestamp.from(to));
  }

  private JsonNode tree(String value) {
    return value == null ? null : json.readTree(value);
  }

  private static Instant instant(UserInput in, String field, String raw) {
    if (!present(raw)) {
      return null;
    }
    try {
      return Instant.parse(raw.strip());
    } catch (DateTimeParseException e) {
      try {
        // a plain date: from its start, or "to" the end of that day
        java.time.LocalDate day = java.time.LocalDate.parse(raw.strip());
        return day.plusDays("to".equals(field) ? 1 : 0)
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant();
      } catch (DateTimeParseException notADate) {
        return in.fail(
            field,
            "'"
                + raw
                + "' is not an ISO-8601 instant (2026-01-31T09:00:00Z) nor a date (2026-01-31)");
      }
    }
  }

  /**
   * Record ids are whole numbers; only the types whose ids are names (a visibility setting's object
   * type, a throttled sign-in's username) are looked up by any text.
   */
  private static void objectId(UserInput in, Filter f) {
    if (!present(f.objectId())) {
      return;
    }
    String id = f.objectId().strip();
    boolean named = present(f.objectType()) && NAMED_IDS.contains(f.objectType().strip());
    if (id.length() > 100) {
      in.fail("objectId", "is longer than 100 characters");
    } else if (!named && !id.matches("[0-9]{1,19}")) {
      in.fail(
          "objectId",
          "'"
              + id
              + "' is not a record id (a whole number); only objectType "
              + NAMED_IDS
              + " have named ids");
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String blankToNull(String s) {
    return present(s) ? s.strip() : null;
  }

  /** What to look for; every field optional. Times are ISO-8601 instants, {@code to} exclusive. */
  public record Filter(String objectType, String objectId, String actor, String from, String to) {}

  /** One audited change. */
  public record Entry(
      long id,
      Instant at,
      Long actorId,
      String actorName,
      String objectType,
      String objectId,
      String action,
      JsonNode oldValue,
      JsonNode newValue) {}
}
