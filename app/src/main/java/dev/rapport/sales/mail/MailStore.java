package dev.rapport.sales.mail;

import dev.rapport.people.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of mailboxes, their folder cursors, the messages heard and outgoing mail. */
@Component
class MailStore {

  /** A folder's cursor: UIDs up to lastUid were filed under uidValidity. */
  record Cursor(long uidValidity, long lastUid) {}

  /** A message heard, as the mail pages list it. */
  record Message(
      long id,
      long mailboxId,
      String messageId,
      String threadKey,
      String inReplyTo,
      String subject,
      String excerpt,
      String direction,
      String fromAddress,
      String fromName,
      Instant occurredAt,
      boolean filed) {}

  /** A sender nobody knows yet, with how many of their messages wait and the latest subject. */
  record UnknownSender(
      String address, String name, long messages, String lastSubject, Instant last) {}

  /** Mail written in Rapport: DRAFT before the SMTP call, then SENT or FAILED (with why). */
  record Outbound(
      long id,
      long mailboxId,
      long personId,
      String toAddress,
      String subject,
      String body,
      String inReplyTo,
      String messageId,
      String status,
      String error,
      Long createdBy,
      Instant createdAt,
      Instant sentAt) {}

  private final JdbcClient jdbc;

  MailStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- mailboxes ----

  long insert(Mailbox m, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into sales_mailbox (user_id, address, imap_host, imap_port, imap_security,
              smtp_host, smtp_port, smtp_security, username, password_enc, sent_folder, created_at)
            values (:u, :a, :ih, :ip, :is, :sh, :sp, :ss, :un, :pw, :sf, :now)
            """)
        .param("u", m.userId())
        .param("a", m.address())
        .param("ih", m.imapHost())
        .param("ip", m.imapPort())
        .param("is", m.imapSecurity().name())
        .param("sh", m.smtpHost())
        .param("sp", m.smtpPort())
        .param("ss", m.smtpSecurity().name())
        .param("un", m.username())
        .param("pw", m.passwordEnc())
        .param("sf", m.sentFolder())
        .param("now", Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Mailbox> find(long id) {
    return jdbc.sql("select * from sales_mailbox where id = :id")
        .param("id", id)
        .query(MailStore::mailbox)
        .optional();
  }

  List<Mailbox> forUser(long userId) {
    return jdbc.sql("select * from sales_mailbox where user_id = :u order by id")
        .param("u", userId)
        .query(MailStore::mailbox)
        .list();
  }

  List<Mailbox> all() {
    return jdbc.sql("select * from sales_mailbox order by id").query(MailStore::mailbox).list();
  }

  void delete(long id) {
    jdbc.sql("delete from sales_mail_cursor where mailbox_id = :id").param("id", id).update();
    jdbc.sql(
            "delete from sales_mail_filed where message_row_id in"
                + " (select id from sales_mail_message where mailbox_id = :id)")
        .param("id", id)
        .update();
    jdbc.sql("delete from sales_mail_message where mailbox_id = :id").param("id", id).update();
    jdbc.sql("delete from sales_mail_outbound where mailbox_id = :id and status <> 'SENT'")
        .param("id", id)
        .update();
    jdbc.sql("delete from sales_mailbox where id = :id").param("id", id).update();
  }

  /** Records a check: when, and the error (null clears the last one). */
  void checked(long id, Instant at, String error) {
    if (error == null) {
      jdbc.sql(
              "update sales_mailbox set last_checked_at = :at, last_error = null,"
                  + " last_error_at = null where id = :id")
          .param("at", Timestamp.from(at))
          .param("id", id)
          .update();
    } else {
      jdbc.sql(
              "update sales_mailbox set last_checked_at = :at, last_error = :e,"
                  + " last_error_at = :at where id = :id")
          .param("at", Timestamp.from(at))
          .param("e", error.length() > 1000 ? error.substring(0, 1000) : error)
          .param("id", id)
          .update();
    }
  }

  private static Mailbox mailbox(ResultSet rs, int n) throws SQLException {
    return new Mailbox(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("address"),
        rs.getString("imap_host"),
        rs.getInt("imap_port"),
        Mailbox.Security.valueOf(rs.getString("imap_security")),
        rs.getString("smtp_host"),
        rs.getInt("smtp_port"),
        Mailbox.Security.valueOf(rs.getString("smtp_security")),
        rs.getString("username"),
        rs.getString("password_enc"),
        rs.getString("sent_folder"),
        instant(rs, "last_checked_at"),
        rs.getString("last_error"),
        instant(rs, "last_error_at"),
        instant(rs, "created_at"));
  }

  // ---- cursors ----

  Optional<Cursor> cursor(long mailbox, String folder) {
    return jdbc.sql(
            "select uid_validity, last_uid from sales_mail_cursor"
                + " where mailbox_id = :m and folder = :f")
        .param("m", mailbox)
        .param("f", folder)
        .query((rs, n) -> new Cursor(rs.getLong(1), rs.getLong(2)))
        .optional();
  }

  void saveCursor(long mailbox, String folder, Cursor c) {
    int updated =
        jdbc.sql(
                "update sales_mail_cursor set uid_validity = :v, last_uid = :u"
                    + " where mailbox_id = :m and folder = :f")
            .param("v", c.uidValidity())
            .param("u", c.lastUid())
            .param("m", mailbox)
            .param("f", folder)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into sales_mail_cursor (mailbox_id, folder, uid_validity, last_uid)"
                  + " values (:m, :f, :v, :u)")
          .param("v", c.uidValidity())
          .param("u", c.lastUid())
          .param("m", mailbox)
          .param("f", folder)
          .update();
    }
  }

  // ---- messages ----

  /** The row of a message already heard in this mailbox, if any. */
  Optional<Message> message(long mailbox, String messageId) {
    return jdbc.sql("select * from sales_mail_message where mailbox_id = :m and message_id = :id")
        .param("m", mailbox)
        .param("id", messageId)
        .query(MailStore::message)
        .optional();
  }

  /** The thread a message id belongs to in this mailbox, when that message was heard. */
  Optional<String> threadOf(long mailbox, String messageId) {
    return jdbc.sql(
            "select thread_key from sales_mail_message where mailbox_id = :m and message_id = :id")
        .param("m", mailbox)
        .param("id", messageId)
        .query(String.class)
        .optional();
  }

  long insertMessage(Message m) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into sales_mail_message (mailbox_id, message_id, thread_key, in_reply_to,
              subject, excerpt, direction, from_address, from_name, occurred_at, filed)
            values (:mb, :mid, :t, :irt, :s, :x, :d, :fa, :fn, :at, :filed)
            """)
        .param("mb", m.mailboxId())
        .param("mid", m.messageId())
        .param("t", m.threadKey())
        .param("irt", m.inReplyTo())
        .param("s", m.subject())
        .param("x", m.excerpt())
        .param("d", m.direction())
        .param("fa", m.fromAddress())
        .param("fn", m.fromName())
        .param("at", Timestamp.from(m.occurredAt()))
        .param("filed", m.filed())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void markFiled(long messageRow, PersonId person) {
    jdbc.sql("update sales_mail_message set filed = true where id = :id")
        .param("id", messageRow)
        .update();
    int exists =
        jdbc.sql(
                "select count(*) from sales_mail_filed where message_row_id = :m and person_id = :p")
            .param("m", messageRow)
            .param("p", person.value())
            .query(Integer.class)
            .single();
    if (exists == 0) {
      jdbc.sql("insert into sales_mail_filed (message_row_id, person_id) values (:m, :p)")
          .param("m", messageRow)
          .param("p", person.value())
          .update();
    }
  }

  List<UnknownSender> unknownSenders(long mailbox, int limit) {
    return jdbc
        .sql(
            """
            select from_address, max(from_name), count(*), max(subject), max(occurred_at)
            from sales_mail_message
            where mailbox_id = :m and filed = false and direction = 'IN' and from_address is not null
            group by from_address order by max(occurred_at) desc
            """)
        .param("m", mailbox)
        .query(
            (rs, n) ->
                new UnknownSender(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    instant(rs, 5)))
        .list()
        .stream()
        .limit(limit)
        .toList();
  }

  List<Message> unfiledFrom(long mailbox, String address) {
    return jdbc.sql(
            "select * from sales_mail_message where mailbox_id = :m and filed = false"
                + " and from_address = :a order by occurred_at")
        .param("m", mailbox)
        .param("a", address)
        .query(MailStore::message)
        .list();
  }

  /** The messages filed to a person, newest first, for their email panel. */
  List<Message> forPerson(PersonId person, int limit) {
    return jdbc
        .sql(
            """
            select m.* from sales_mail_message m join sales_mail_filed f on f.message_row_id = m.id
            where f.person_id = :p order by m.occurred_at desc, m.id desc
            """)
        .param("p", person.value())
        .query(MailStore::message)
        .list()
        .stream()
        .limit(limit)
        .toList();
  }

  private static Message message(ResultSet rs, int n) throws SQLException {
    return new Message(
        rs.getLong("id"),
        rs.getLong("mailbox_id"),
        rs.getString("message_id"),
        rs.getString("thread_key"),
        rs.getString("in_reply_to"),
        rs.getString("subject"),
        rs.getString("excerpt"),
        rs.getString("direction"),
        rs.getString("from_address"),
        rs.getString("from_name"),
        instant(rs, "occurred_at"),
        rs.getBoolean("filed"));
  }

  // ---- outgoing ----

  long insertOutbound(Outbound o) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into sales_mail_outbound (mailbox_id, person_id, to_address, subject, body,
              in_reply_to, message_id, status, created_by, created_at)
            values (:mb, :p, :to, :s, :b, :irt, :mid, 'DRAFT', :by, :at)
            """)
        .param("mb", o.mailboxId())
        .param("p", o.personId())
        .param("to", o.toAddress())
        .param("s", o.subject())
        .param("b", o.body())
        .param("irt", o.inReplyTo())
        .param("mid", o.messageId())
        .param("by", o.createdBy())
        .param("at", Timestamp.from(o.createdAt()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Outbound> outbound(long id) {
    return jdbc.sql("select * from sales_mail_outbound where id = :id")
        .param("id", id)
        .query(MailStore::outbound)
        .optional();
  }

  List<Outbound> outboundOf(long mailbox, int limit) {
    return jdbc
        .sql(
            "select * from sales_mail_outbound where mailbox_id = :m"
                + " order by created_at desc, id desc")
        .param("m", mailbox)
        .query(MailStore::outbound)
        .list()
        .stream()
        .limit(limit)
        .toList();
  }

  void outboundSent(long id, Instant at) {
    jdbc.sql(
            "update sales_mail_outbound set status = 'SENT', error = null, sent_at = :at"
                + " where id = :id")
        .param("at", Timestamp.from(at))
        .param("id", id)
        .update();
  }

  void outboundFailed(long id, String error) {
    jdbc.sql("update sales_mail_outbound set status = 'FAILED', error = :e where id = :id")
        .param("e", error.length() > 1000 ? error.substring(0, 1000) : error)
        .param("id", id)
        .update();
  }

  private static Outbound outbound(ResultSet rs, int n) throws SQLException {
    long by = rs.getLong("created_by");
    Long createdBy = rs.wasNull() ? null : by;
    return new Outbound(
        rs.getLong("id"),
        rs.getLong("mailbox_id"),
        rs.getLong("person_id"),
        rs.getString("to_address"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("in_reply_to"),
        rs.getString("message_id"),
        rs.getString("status"),
        rs.getString("error"),
        createdBy,
        instant(rs, "created_at"),
        instant(rs, "sent_at"));
  }

  // ---- erasure ----

  /** Forgets everything about a person erased everywhere. */
  void erase(PersonId person) {
    jdbc.sql(
            """
            delete from sales_mail_message where id in (select message_row_id
              from sales_mail_filed f where f.person_id = :p and not exists (select 1
              from sales_mail_filed o where o.message_row_id = f.message_row_id
              and o.person_id <> :p))
            """)
        .param("p", person.value())
        .update();
    jdbc.sql("delete from sales_mail_filed where person_id = :p")
        .param("p", person.value())
        .update();
    jdbc.sql("delete from sales_mail_outbound where person_id = :p")
        .param("p", person.value())
        .update();
  }

  /** Moves a merged person's mail to the person they live on now. */
  void merge(PersonId from, PersonId into) {
    jdbc.sql(
            """
            delete from sales_mail_filed where person_id = :f and message_row_id in
              (select message_row_id from sales_mail_filed where person_id = :i)
            """)
        .param("f", from.value())
        .param("i", into.value())
        .update();
    jdbc.sql("update sales_mail_filed set person_id = :i where person_id = :f")
        .param("f", from.value())
        .param("i", into.value())
        .update();
    jdbc.sql("update sales_mail_outbound set person_id = :i where person_id = :f")
        .param("f", from.value())
        .param("i", into.value())
        .update();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
