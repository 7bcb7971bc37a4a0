package dev.rapport.collab.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of the feed's tables: entries, their revisions and mentions, and follows. */
@Component
public class FeedStore {

  /** One feed entry as stored. */
  public record Entry(
      long id,
      SubjectType subjectType,
      long subjectId,
      Kind kind,
      String body,
      Long authorUserId,
      String authorName,
      Instant createdAt,
      Instant editedAt,
      Instant deletedAt,
      Long deletedByUserId,
      String deletedByName) {

    public boolean deleted() {
      return deletedAt != null;
    }
  }

  /** What an entry is: a colleague's comment or a change the system posted. */
  public enum Kind {
    COMMENT,
    STAGE_CHANGE
  }

  /** A text a comment had before an edit or its deletion. */
  public record Revision(
      long entryId, String body, String action, Long byUserId, String byName, Instant at) {}

  /** A user a comment mentions, and whether they were notified. */
  public record Mention(long entryId, long userId, boolean delivered) {}

  private static final String ENTRY_COLUMNS =
      "e.id, e.subject_type, e.subject_id, e.kind, e.body, e.author_user_id, e.author_name,"
          + " e.created_at, e.edited_at, e.deleted_at, e.deleted_by_user_id, e.deleted_by_name";

  private final JdbcClient jdbc;

  FeedStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      SubjectType type,
      long subjectId,
      Kind kind,
      String body,
      Long authorUserId,
      String authorName,
      String sourceKey,
      Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into collab_entry (subject_type, subject_id, kind, body, author_user_id,"
                + " author_name, source_key, created_at)"
                + " values (:t, :s, :k, :b, :u, :n, :key, :at)")
        .param("t", type.name())
        .param("s", subjectId)
        .param("k", kind.name())
        .param("b", body)
        .param("u", authorUserId)
        .param("n", authorName)
        .param("key", sourceKey)
        .param("at", utc(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  boolean sourceExists(String sourceKey) {
    return jdbc.sql("select count(*) from collab_entry where source_key = :k")
            .param("k", sourceKey)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Entry> entry(long id) {
    return jdbc.sql("select " + ENTRY_COLUMNS + " from collab_entry e where e.id = :id")
        .param("id", id)
        .query(FeedStore::entry)
        .optional();
  }

  /** Locks the entry's row for a change (two edits of one comment at once: one waits). */
  Optional<Entry> lock(long id) {
    return jdbc.sql("select " + ENTRY_COLUMNS + " from collab_entry e where e.id = :id for update")
        .param("id", id)
        .query(FeedStore::entry)
        .optional();
  }

  /** A page of the record's feed, newest first. */
  List<Entry> page(SubjectType type, long subjectId, int offset, int limit) {
    return jdbc.sql(
            "select "
                + ENTRY_COLUMNS
                + " from collab_entry e where e.subject_type = :t and e.subject_id = :s"
                + " order by e.id desc offset :o rows fetch next :l rows only")
        .param("t", type.name())
        .param("s", subjectId)
        .param("o", offset)
        .param("l", limit)
        .query(FeedStore::entry)
        .list();
  }

  long count(SubjectType type, long subjectId) {
    return jdbc.sql("select count(*) from collab_entry where subject_type = :t and subject_id = :s")
        .param("t", type.name())
        .param("s", subjectId)
        .query(Long.class)
        .single();
  }

  void updateBody(long id, String body, Instant at) {
    jdbc.sql("update collab_entry set body = :b, edited_at = :at where id = :id")
        .param("b", body)
        .param("at", utc(at))
        .param("id", id)
        .update();
  }

  void markDeleted(long id, Instant at, Long byUserId, String byName) {
    jdbc.sql(
            "update collab_entry set body = null, deleted_at = :at, deleted_by_user_id = :u,"
                + " deleted_by_name = :n where id = :id")
        .param("at", utc(at))
        .param("u", byUserId)
        .param("n", byName)
        .param("id", id)
        .update();
  }

  void insertRevision(
      long entryId, String body, String action, Long byUserId, String byName, Instant at) {
    jdbc.sql(
            "insert into collab_revision (entry_id, body, action, by_user_id, by_name, at)"
                + " values (:e, :b, :a, :u, :n, :at)")
        .param("e", entryId)
        .param("b", body)
        .param("a", action)
        .param("u", byUserId)
        .param("n", byName)
        .param("at", utc(at))
        .update();
  }

  /** The revisions of these entries, oldest first, by entry. */
  Map<Long, List<Revision>> revisions(Collection<Long> entryIds) {
    if (entryIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            "select entry_id, body, action, by_user_id, by_name, at from collab_revision"
                + " where entry_id in (:ids) order by id")
        .param("ids", entryIds)
        .query(
            (rs, n) ->
                new Revision(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    nullableLong(rs, 4),
                    rs.getString(5),
                    instant(rs, 6)))
        .list()
        .stream()
        .collect(Collectors.groupingBy(Revision::entryId, LinkedHashMap::new, Collectors.toList()));
  }

  /** Records a mention once; false when the entry already mentioned the user. */
  boolean insertMention(long entryId, long userId, boolean delivered) {
    return jdbc.sql(
                "insert into collab_mention (entry_id, user_id, delivered)"
                    + " select :e, :u, :d where not exists (select 1 from collab_mention"
                    + " where entry_id = :e and user_id = :u)")
            .param("e", entryId)
            .param("u", userId)
            .param("d", delivered)
            .update()
        > 0;
  }

  Map<Long, List<Mention>> mentions(Collection<Long> entryIds) {
    if (entryIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            "select entry_id, user_id, delivered from collab_mention where entry_id in (:ids)"
                + " order by user_id")
        .param("ids", entryIds)
        .query((rs, n) -> new Mention(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
        .list()
        .stream()
        .collect(Collectors.groupingBy(Mention::entryId));
  }

  // ---- follows ----

  boolean follow(SubjectType type, long subjectId, long userId, Instant at) {
    return jdbc.sql(
                "insert into collab_follow (subject_type, subject_id, user_id, created_at)"
                    + " select :t, :s, :u, :at where not exists (select 1 from collab_follow"
                    + " where subject_type = :t and subject_id = :s and user_id = :u)")
            .param("t", type.name())
            .param("s", subjectId)
            .param("u", userId)
            .param("at", utc(at))
            .update()
        > 0;
  }

  boolean unfollow(SubjectType type, long subjectId, long userId) {
    return jdbc.sql(
                "delete from collab_follow where subject_type = :t and subject_id = :s"
                    + " and user_id = :u")
            .param("t", type.name())
            .param("s", subjectId)
            .param("u", userId)
            .update()
        > 0;
  }

  List<Long> followers(SubjectType type, long subjectId) {
    return jdbc.sql(
            "select user_id from collab_follow where subject_type = :t and subject_id = :s"
                + " order by user_id")
        .param("t", type.name())
        .param("s", subjectId)
        .query(Long.class)
        .list();
  }

  // ---- merges and erasures ----

  /** Moves a merged record's feed and follows to the survivor (a follower of both stays once). */
  void move(SubjectType type, long from, long to) {
    jdbc.sql("update collab_entry set subject_id = :to where subject_type = :t and subject_id = :f")
        .param("t", type.name())
        .param("f", from)
        .param("to", to)
        .update();
    jdbc.sql(
            "insert into collab_follow (subject_type, subject_id, user_id, created_at)"
                + " select subject_type, :to, user_id, created_at from collab_follow f"
                + " where f.subject_type = :t and f.subject_id = :f and not exists (select 1"
                + " from collab_follow g where g.subject_type = :t and g.subject_id = :to"
                + " and g.user_id = f.user_id)")
        .param("t", type.name())
        .param("f", from)
        .param("to", to)
        .update();
    forgetFollows(type, List.of(from));
  }

  /** Deletes the records' feeds (with their revisions, mentions and notifications) and follows. */
  int forget(SubjectType type, List<Long> subjectIds) {
    if (subjectIds.isEmpty()) {
      return 0;
    }
    forgetFollows(type, subjectIds);
    return jdbc.sql("delete from collab_entry where subject_type = :t and subject_id in (:ids)")
        .param("t", type.name())
        .param("ids", subjectIds)
        .update();
  }

  private void forgetFollows(SubjectType type, List<Long> subjectIds) {
    jdbc.sql("delete from collab_follow where subject_type = :t and subject_id in (:ids)")
        .param("t", type.name())
        .param("ids", subjectIds)
        .update();
  }

  /** Every entry about the records, with revisions, as rows for a person's data export. */
  List<Map<String, Object>> export(SubjectType type, List<Long> subjectIds) {
    if (subjectIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select e.id, e.subject_id, e.kind, e.body, e.author_name, e.created_at,"
                + " e.edited_at, e.deleted_at, e.deleted_by_name from collab_entry e"
                + " where e.subject_type = :t and e.subject_id in (:ids) order by e.id")
        .param("t", type.name())
        .param("ids", subjectIds)
        .query()
        .listOfRows();
  }

  // ---- rows ----

  static Entry entry(ResultSet rs, int n) throws SQLException {
    return new Entry(
        rs.getLong(1),
        SubjectType.valueOf(rs.getString(2)),
        rs.getLong(3),
        Kind.valueOf(rs.getString(4)),
        rs.getString(5),
        nullableLong(rs, 6),
        rs.getString(7),
        instant(rs, 8),
        instant(rs, 9),
        instant(rs, 10),
        nullableLong(rs, 11),
        rs.getString(12));
  }

  static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
