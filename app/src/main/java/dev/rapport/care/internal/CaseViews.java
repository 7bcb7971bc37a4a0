package dev.rapport.care.internal;

import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.sales.BusinessHours;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cases as the API and the pages show them: names, the SLA's state, churn risk. */
@Component
class CaseViews {

  /**
   * The first-response SLA: minutes of business time allowed, when it is due, and its state:
   * on_track, due_soon (an hour of business time or less left), breached (due and unanswered), met
   * or missed (answered in time or late), or none (closed without a reply).
   */
  record Sla(int minutes, Instant dueAt, String state, long businessMinutesLeft, String label) {}

  /** One case in a list or on its page. */
  record CaseView(
      long id,
      String status,
      String statusLabel,
      String priority,
      String reason,
      String brand,
      String subject,
      long personId,
      String personName,
      Long accountId,
      String accountName,
      Long assigneeUserId,
      String assigneeName,
      Long teamId,
      String routedBy,
      Instant openedAt,
      Instant dueAt,
      Sla sla,
      String outcome,
      Instant closedAt,
      Long previousCaseId,
      Long firstMentionId,
      String network) {

    public boolean breached() {
      return sla.state().equals("breached");
    }

    public boolean open() {
      return !status.equals("closed");
    }
  }

  /** Churn risk marked on a person or an account by an unhappily closed case. */
  record ChurnRisk(long caseId, long personId, Long accountId, Instant markedAt) {}

  private final Users users;
  private final Persons persons;
  private final BusinessHours hours;
  private final JdbcClient jdbc;

  CaseViews(Users users, Persons persons, BusinessHours hours, JdbcClient jdbc) {
    this.users = users;
    this.persons = persons;
    this.hours = hours;
    this.jdbc = jdbc;
  }

  List<CaseView> views(List<CareCase> cases) {
    Map<Long, String> names = new HashMap<>();
    users.all().forEach(u -> names.put(u.id(), u.displayName()));
    Instant now = Instant.now();
    return cases.stream().map(c -> view(c, names, now)).toList();
  }

  CaseView view(CareCase c) {
    return views(List.of(c)).get(0);
  }

  /** The users a case may be given to. */
  List<User> assignable() {
    return users.all().stream().filter(User::enabled).toList();
  }

  List<ChurnRisk> churnRisk(String column, long id) {
    return jdbc.sql(
            "select case_id, person_id, account_id, marked_at from care_churn_risk where "
                + ("account_id".equals(column) ? "account_id" : "person_id")
                + " = :id order by marked_at desc")
        .param("id", id)
        .query(
            (rs, n) ->
                new ChurnRisk(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getObject(3, Long.class),
                    ((Timestamp) rs.getTimestamp(4)).toInstant()))
        .list();
  }

  private CaseView view(CareCase c, Map<Long, String> names, Instant now) {
    Optional<PersonSummary> p = persons.find(c.person());
    return new CaseView(
        c.id(),
        c.status().key(),
        c.status().label(),
        c.priority().key(),
        c.reason(),
        c.brand(),
        c.excerpt(),
        c.person().value(),
        p.map(PersonSummary::name).orElse("person #" + c.person().value()),
        c.account() == null ? null : c.account().value(),
        p.map(PersonSummary::accountName).orElse(null),
        c.assigneeUserId(),
        c.assigneeUserId() == null ? null : names.get(c.assigneeUserId()),
        c.teamId(),
        c.routedBy(),
        c.openedAt(),
        c.dueAt(),
        sla(c, now),
        c.outcome() == null ? null : c.outcome().name().toLowerCase(java.util.Locale.ROOT),
        c.closedAt(),
        c.previousCaseId(),
        c.firstMentionId(),
        c.network());
  }

  Sla sla(CareCase c, Instant now) {
    if (c.firstResponseAt() != null) {
      boolean met = !c.firstResponseAt().isAfter(c.dueAt());
      return new Sla(
          c.slaMinutes(),
          c.dueAt(),
          met ? "met" : "missed",
          0,
          met ? "answered in time" : "answered late");
    }
    if (!c.status().isOpen()) {
      return new Sla(c.slaMinutes(), c.dueAt(), "none", 0, "closed without a reply");
    }
    if (now.isAfter(c.dueAt())) {
      long over = hours.minutesBetween(c.dueAt(), now);
      return new Sla(
          c.slaMinutes(), c.dueAt(), "breached", -over, "breached " + duration(over) + " ago");
    }
    long left = hours.minutesBetween(now, c.dueAt());
    return new Sla(
        c.slaMinutes(),
        c.dueAt(),
        left <= 60 ? "due_soon" : "on_track",
        left,
        "due in " + duration(left) + " (business hours)");
  }

  static String duration(long minutes) {
    if (minutes < 60) {
      return minutes + " min";
    }
    long h = minutes / 60;
    long m = minutes % 60;
    return m == 0 ? h + " h" : h + " h " + m + " min";
  }
}
