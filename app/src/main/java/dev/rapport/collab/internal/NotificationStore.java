package dev.rapport.collab.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of notifications: one row per user and feed entry, read or not. */
@Component
public class NotificationStore {

  /** Why a user was notified. */
  public enum Reason {
    MENTION,
    FOLLOW
  }

  /** A notification with the entry it points at. */
  public record Row(
      long id,
      long userId,
      Reason reason,
      Instant createdAt,
      Instant readAt,
      FeedStore.Entry entry) {

    public boolean unread() {
      return readAt == null;
    }
  }

  private final JdbcClient jdbc;

  NotificationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Notifies the user of the entry once; false when they already were. */
  boolean insert(long userId, long entryId, Reason reason, Instant at) {
    return jdbc.sql(
                "insert into collab_notification (user_id, entry_id, reason, created_at)"
                    + " select :u, :e, :r, :at where not exists (select 1 from"
                    + " collab_notification where user_id = :u and entry_id = :e)")
            .param("u", userId)
            .param("e", entryId)
            .param("r", reason.name())
            .param("at", FeedStore.utc(at))
            .update()
        > 0;
  }

  List<Row> page(long userId, boolean unreadOnly, int offset, int limit) {
    return jdbc.sql(
            "select n.id, n.user_id, n.reason, n.created_at, n.read_at, e.id, e.subject_type,"
                + " e.subject_id, e.kind, e.body, e.author_user_id, e.author_name, e.created_at,"
                + " e.edited_at, e.deleted_at, e.deleted_by_user_id, e.deleted_by_name"
                + " from collab_notification n join collab_entry e on e.id = n.entry_id"
                + " where n.user_id = :u"
                + (unreadOnly ? " and n.read_at is null" : "")
                + " order by n.id desc offset :o rows fetch next :l rows only")
        .param("u", userId)
        .param("o", offset)
        .param("l", limit)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getLong(2),
                    Reason.valueOf(rs.getString(3)),
                    FeedStore.instant(rs, 4),
                    FeedStore.instant(rs, 5),
                    new FeedStore.Entry(
                        rs.getLong(6),
                        SubjectType.valueOf(rs.getString(7)),
                        rs.getLong(8),
                        FeedStore.Kind.valueOf(rs.getString(9)),
                        rs.getString(10),
                        FeedStore.nullableLong(rs, 11),
                        rs.getString(12),
                        FeedStore.instant(rs, 13),
                        FeedStore.instant(rs, 14),
                        FeedStore.instant(rs, 15),
                        FeedStore.nullableLong(rs, 16),
                        rs.getString(17))))
        .list();
  }

  long count(long userId, boolean unreadOnly) {
    return jdbc.sql(
            "select count(*) from collab_notification where user_id = :u"
                + (unreadOnly ? " and read_at is null" : ""))
        .param("u", userId)
        .query(Long.class)
        .single();
  }

  /** Marks one of the user's notifications read; false when it is not theirs or not there. */
  boolean markRead(long userId, long id, Instant at) {
    int n =
        jdbc.sql(
                "update collab_notification set read_at = coalesce(read_at, :at)"
                    + " where id = :id and user_id = :u")
            .param("at", FeedStore.utc(at))
            .param("id", id)
            .param("u", userId)
            .update();
    return n > 0;
  }

  int markAllRead(long userId, Instant at) {
    return jdbc.sql(
            "update collab_notification set read_at = :at where user_id = :u and read_at is null")
        .param("at", FeedStore.utc(at))
        .param("u", userId)
        .update();
  }

  /** Marks read the user's notifications about one record (they opened its feed). */
  int markReadAbout(long userId, SubjectType type, long subjectId, Instant at) {
    return jdbc.sql(
            "update collab_notification set read_at = :at where user_id = :u and read_at is null"
                + " and entry_id in (select id from collab_entry where subject_type = :t"
                + " and subject_id = :s)")
        .param("at", FeedStore.utc(at))
        .param("u", userId)
        .param("t", type.name())
        .param("s", subjectId)
        .update();
  }
}
