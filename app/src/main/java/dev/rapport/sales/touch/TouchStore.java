package dev.rapport.sales.touch;

import dev.rapport.people.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keep-in-touch rows, stage cadences and the snooze history. */
@Repository
class TouchStore {

  /** A person's keep-in-touch row; {@code everyDays} is their own cadence (null: the stage's). */
  record Row(
      PersonId person,
      Long ownerUserId,
      Long stageId,
      Integer everyDays,
      Instant lastTouchAt,
      Instant snoozedUntil,
      Instant dueAt,
      Instant createdAt) {}

  /** One recorded snooze. */
  record Snooze(Instant until, String reason, String byName, Instant at) {}

  private static final String COLUMNS =
      "person_id, owner_user_id, stage_id, every_days, last_touch_at, snoozed_until, due_at,"
          + " created_at";

  private final JdbcClient jdbc;

  TouchStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(PersonId person) {
    return jdbc.sql("select " + COLUMNS + " from sales_touch where person_id = :p")
        .param("p", person.value())
        .query(TouchStore::row)
        .optional();
  }

  /** Creates the row when missing (quietly when another transaction just did), then locks it. */
  Row lock(PersonId person, Instant now) {
    jdbc.sql(
            "insert into sales_touch (person_id, created_at, updated_at) values (:p, :now, :now)"
                + " on conflict do nothing")
        .param("p", person.value())
        .param("now", utc(now))
        .update();
    return jdbc.sql("select " + COLUMNS + " from sales_touch where person_id = :p for update")
        .param("p", person.value())
        .query(TouchStore::row)
        .single();
  }

  void save(Row r, Instant now) {
    jdbc.sql(
            "update sales_touch set owner_user_id = :o, stage_id = :s, every_days = :d,"
                + " last_touch_at = :l, snoozed_until = :z, due_at = :due, updated_at = :now"
                + " where person_id = :p")
        .param("o", r.ownerUserId())
        .param("s", r.stageId())
        .param("d", r.everyDays())
        .param("l", r.lastTouchAt() == null ? null : utc(r.lastTouchAt()))
        .param("z", r.snoozedUntil() == null ? null : utc(r.snoozedUntil()))
        .param("due", r.dueAt() == null ? null : utc(r.dueAt()))
        .param("now", utc(now))
        .param("p", r.person().value())
        .update();
  }

  Map<Long, Integer> stageCadences() {
    return jdbc
        .sql("select stage_id, every_days from sales_touch_stage_cadence")
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  void setStageCadence(long stageId, Integer days) {
    jdbc.sql("delete from sales_touch_stage_cadence where stage_id = :s")
        .param("s", stageId)
        .update();
    if (days != null) {
      jdbc.sql("insert into sales_touch_stage_cadence (stage_id, every_days) values (:s, :d)")
          .param("s", stageId)
          .param("d", days)
          .update();
    }
  }

  List<PersonId> inStage(long stageId) {
    return jdbc.sql("select person_id from sales_touch where stage_id = :s")
        .param("s", stageId)
        .query((rs, n) -> new PersonId(rs.getLong(1)))
        .list();
  }

  /** The owner's rows due before the instant, most overdue first. */
  List<Row> dueBefore(long owner, Instant before, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from sales_touch where owner_user_id = :o and due_at < :b"
                + " order by due_at, person_id limit :l")
        .param("o", owner)
        .param("b", utc(before))
        .param("l", limit)
        .query(TouchStore::row)
        .list();
  }

  long countDueBefore(long owner, Instant before) {
    return jdbc.sql("select count(*) from sales_touch where owner_user_id = :o and due_at < :b")
        .param("o", owner)
        .param("b", utc(before))
        .query(Long.class)
        .single();
  }

  void recordSnooze(
      PersonId person, Instant until, String reason, Long byUser, String byName, Instant now) {
    jdbc.sql(
            "insert into sales_touch_snooze (person_id, until_at, reason, by_user_id, by_name,"
                + " created_at) values (:p, :u, :r, :bu, :bn, :now)")
        .param("p", person.value())
        .param("u", utc(until))
        .param("r", reason)
        .param("bu", byUser)
        .param("bn", byName)
        .param("now", utc(now))
        .update();
  }

  List<Snooze> snoozes(PersonId person, int limit) {
    return jdbc.sql(
            "select until_at, reason, by_name, created_at from sales_touch_snooze"
                + " where person_id = :p order by id desc limit :l")
        .param("p", person.value())
        .param("l", limit)
        .query(
            (rs, n) -> new Snooze(instant(rs, 1), rs.getString(2), rs.getString(3), instant(rs, 4)))
        .list();
  }

  void moveRows(PersonId from, PersonId to) {
    jdbc.sql("update sales_touch_snooze set person_id = :to where person_id = :from")
        .param("to", to.value())
        .param("from", from.value())
        .update();
  }

  void forget(PersonId person) {
    jdbc.sql("delete from sales_touch where person_id = :p").param("p", person.value()).update();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        new PersonId(rs.getLong(1)),
        (Long) rs.getObject(2, Long.class),
        (Long) rs.getObject(3, Long.class),
        (Integer) rs.getObject(4, Integer.class),
        instant(rs, 5),
        instant(rs, 6),
        instant(rs, 7),
        instant(rs, 8));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
