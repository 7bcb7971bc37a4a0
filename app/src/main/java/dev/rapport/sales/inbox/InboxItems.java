package dev.rapport.sales.inbox;

import dev.rapport.people.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The inbox items and their appended history of changes. */
@Component
class InboxItems {

  /** One appended change: who did what when, and the status it left. */
  record Change(
      long id,
      long itemId,
      Instant at,
      Long byUserId,
      String byName,
      String action,
      Status status,
      String detail) {}

  /** A new item before it is stored. */
  record NewItem(
      long mentionId,
      PersonId person,
      String network,
      String language,
      List<String> readings,
      String slaReading,
      boolean caution,
      List<String> ruleIds,
      Instant createdAt,
      Instant dueAt) {}

  private static final String COLUMNS =
      "id, mention_id, person_id, network, language, readings, sla_reading, caution, rule_ids,"
          + " status, assignee_user_id, team_id, route_id, snoozed_until, created_at, due_at,"
          + " first_response_at, response_minutes, done_at";

  private final JdbcClient jdbc;

  InboxItems(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the item unless its mention already has one; the new id, or empty. */
  Optional<Long> insert(NewItem n) {
    int rows =
        jdbc.sql(
                """
                insert into inbox_item (mention_id, person_id, network, language, readings,
                    sla_reading, caution, rule_ids, status, created_at, due_at)
                values (:mention, :person, :network, :language, :readings, :sla, :caution,
                    :rules, 'new', :created, :due)
                on conflict do nothing
                """)
            .param("mention", n.mentionId())
            .param("person", n.person() == null ? null : n.person().value())
            .param("network", n.network())
            .param("language", n.language())
            .param("readings", String.join(",", n.readings()))
            .param("sla", n.slaReading())
            .param("caution", n.caution())
            .param("rules", String.join(",", n.ruleIds()))
            .param("created", Timestamp.from(n.createdAt()))
            .param("due", Timestamp.from(n.dueAt()))
            .update();
    if (rows == 0) {
      return Optional.empty();
    }
    return jdbc.sql("select id from inbox_item where mention_id = :m")
        .param("m", n.mentionId())
        .query(Long.class)
        .optional();
  }

  Optional<Item> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from inbox_item where id = :id")
        .param("id", id)
        .query(InboxItems::item)
        .optional();
  }

  /** Locks the row until the transaction ends, so two changes to one item run one after another. */
  Optional<Item> lock(long id) {
    return jdbc.sql("select " + COLUMNS + " from inbox_item where id = :id for update")
        .param("id", id)
        .query(InboxItems::item)
        .optional();
  }

  Optional<Item> byMention(long mentionId) {
    return jdbc.sql("select " + COLUMNS + " from inbox_item where mention_id = :m")
        .param("m", mentionId)
        .query(InboxItems::item)
        .optional();
  }

  List<Item> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from inbox_item where id in (:ids) order by id")
        .param("ids", ids)
        .query(InboxItems::item)
        .list();
  }

  /**
   * Items matching the where clause (over inbox_item, named parameters given), the strictest
   * deadline first.
   */
  List<Item> where(String where, java.util.Map<String, ?> params, int offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from inbox_item where "
                + where
                + " order by due_at, id offset :off rows fetch next :lim rows only")
        .params(params)
        .param("off", offset)
        .param("lim", limit)
        .query(InboxItems::item)
        .list();
  }

  long count(String where, java.util.Map<String, ?> params) {
    return jdbc.sql("select count(*) from inbox_item where " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  void update(Item i) {
    jdbc.sql(
            """
            update inbox_item set status = :status, assignee_user_id = :assignee, team_id = :team,
                route_id = :route, snoozed_until = :snoozed, first_response_at = :first,
                response_minutes = :minutes, done_at = :done
            where id = :id
            """)
        .param("status", i.status().key())
        .param("assignee", i.assigneeUserId())
        .param("team", i.teamId())
        .param("route", i.routeId())
        .param("snoozed", ts(i.snoozedUntil()))
        .param("first", ts(i.firstResponseAt()))
        .param("minutes", i.responseMinutes())
        .param("done", ts(i.doneAt()))
        .param("id", i.id())
        .update();
  }

  /**
   * The SQL condition of an item that waits for work at {@code :now}: new, assigned, or snoozed
   * until a time that has come (snoozes end by time, without a job that wakes them).
   */
  static final String WAITING =
      "(status in ('new', 'assigned') or (status = 'snoozed' and snoozed_until <= :now))";

  /** Waiting and past its due time without a first response. */
  static final String BREACHED = WAITING + " and first_response_at is null and due_at < :now";

  long append(
      long itemId,
      Instant at,
      Long byUserId,
      String byName,
      String action,
      Status status,
      String detail) {
    jdbc.sql(
            """
            insert into inbox_item_change (item_id, at, by_user_id, by_name, action, status, detail)
            values (:item, :at, :uid, :name, :action, :status, :detail)
            """)
        .param("item", itemId)
        .param("at", Timestamp.from(at))
        .param("uid", byUserId)
        .param("name", byName)
        .param("action", action)
        .param("status", status.key())
        .param("detail", detail == null ? null : clip(detail, 1000))
        .update();
    return jdbc.sql("select max(id) from inbox_item_change where item_id = :item")
        .param("item", itemId)
        .query(Long.class)
        .single();
  }

  List<Change> changes(long itemId) {
    return jdbc.sql(
            "select id, item_id, at, by_user_id, by_name, action, status, detail"
                + " from inbox_item_change where item_id = :item order by at, id")
        .param("item", itemId)
        .query(
            (rs, n) ->
                new Change(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getTimestamp(3).toInstant(),
                    (Long) rs.getObject(4, Long.class),
                    rs.getString(5),
                    rs.getString(6),
                    status(rs.getString(7)),
                    rs.getString(8)))
        .list();
  }

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Status status(String key) {
    return Status.valueOf(key.toUpperCase(java.util.Locale.ROOT));
  }

  private static List<String> csv(String s) {
    List<String> out = new ArrayList<>();
    if (s != null) {
      for (String p : s.split(",")) {
        if (!p.isBlank()) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static Item item(ResultSet rs, int row) throws SQLException {
    long person = rs.getLong("person_id");
    boolean noPerson = rs.wasNull();
    return new Item(
        rs.getLong("id"),
        rs.getLong("mention_id"),
        noPerson ? null : new PersonId(person),
        rs.getString("network"),
        rs.getString("language"),
        csv(rs.getString("readings")),
        rs.getString("sla_reading"),
        rs.getBoolean("caution"),
        csv(rs.getString("rule_ids")),
        status(rs.getString("status")),
        rs.getObject("assignee_user_id", Long.class),
        rs.getObject("team_id", Long.class),
        rs.getObject("route_id", Long.class),
        instant(rs, "snoozed_until"),
        instant(rs, "created_at"),
        instant(rs, "due_at"),
        instant(rs, "first_response_at"),
        rs.getObject("response_minutes", Long.class),
        instant(rs, "done_at"));
  }
}
