package dev.rapport.care.internal;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.care.CaseClosed;
import dev.rapport.listening.MentionDetails;
import dev.rapport.listening.MentionReplies;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a case, each with its history line and, where it concerns the customer, its
 * touchpoint on the person's timeline (in the same transaction): opened, joined by a post of the
 * thread, routed, assigned, replied (an outgoing touchpoint, posted on the network when the source
 * holds credentials), status changed, closed with an outcome ({@link CaseClosed} published; an
 * unhappy outcome marks churn risk on the person and the account).
 */
@Component
class CaseWork {

  static final int MAX_REPLY = 2000;

  private final CaseStore store;
  private final CaseRoutes routes;
  private final Users users;
  private final Actors actors;
  private final Timeline timeline;
  private final MentionReplies replies;
  private final ApplicationEventPublisher events;
  private final JdbcClient jdbc;

  CaseWork(
      CaseStore store,
      CaseRoutes routes,
      Users users,
      Actors actors,
      Timeline timeline,
      MentionReplies replies,
      ApplicationEventPublisher events,
      JdbcClient jdbc) {
    this.store = store;
    this.routes = routes;
    this.users = users;
    this.actors = actors;
    this.timeline = timeline;
    this.replies = replies;
    this.events = events;
    this.jdbc = jdbc;
  }

  /** Stores a new case from a mention, routes it and puts it on the person's timeline. */
  @Transactional
  CareCase opened(CaseStore.NewCase n, MentionDetails.Detail m, boolean customer) {
    long id = store.insert(n);
    if (m != null) {
      store.addMention(id, m.id(), m.network(), m.nativeId(), n.openedAt());
    }
    String why =
        n.reason()
            + (n.brand() == null ? "" : " about " + n.brand())
            + (customer ? " from a customer" : "")
            + ", priority "
            + n.priority().key()
            + (n.previousCaseId() == null ? "" : ", follows closed case #" + n.previousCaseId());
    store.event(id, n.openedAt(), null, "system", "opened", "new", why);
    route(id, n.reason(), n.brand(), n.priority(), n.openedAt());
    timeline.append(
        NewTouchpoint.of(
            n.person(),
            n.account(),
            TouchpointKind.CASE,
            "care",
            Direction.IN,
            n.openedAt(),
            null,
            NewTouchpoint.clip("Case #" + id + " opened: " + why + ". " + n.excerpt()),
            new SourceRef("care.case", Long.toString(id), null)));
    return store.find(id).orElseThrow();
  }

  /** Ties a post of the thread to its open case; a customer's answer ends "waiting on customer". */
  @Transactional
  Optional<CareCase> joined(CareCase c, MentionDetails.Detail m, Instant now) {
    if (!store.addMention(c.id(), m.id(), m.network(), m.nativeId(), now)) {
      return Optional.empty();
    }
    boolean fromCustomer = m.author() != null && m.author().equals(c.person());
    CaseStatus status = c.status();
    if (fromCustomer
        && (status == CaseStatus.WAITING_ON_CUSTOMER || status == CaseStatus.RESOLVED)) {
      status = c.assigneeUserId() == null ? CaseStatus.NEW : CaseStatus.ASSIGNED;
      store.setStatus(c.id(), status);
    }
    store.event(
        c.id(),
        now,
        null,
        "system",
        "joined",
        status.key(),
        (fromCustomer ? "The customer wrote again: " : "A post in the thread: ")
            + CaseIntake.excerpt(m.text()));
    return store.find(c.id());
  }

  private void route(long id, String reason, String brand, Priority priority, Instant at) {
    for (CaseRoutes.Route r : routes.all()) {
      if (!r.matches(reason, brand, priority)) {
        continue;
      }
      if (r.assignUserId() != null
          && users.find(r.assignUserId()).filter(User::enabled).isPresent()) {
        store.route(id, r.assignUserId(), null, "by rule '" + r.name() + "'");
        store.event(id, at, null, "system", "routed", "assigned", "by rule '" + r.name() + "'");
        return;
      }
      if (r.assignTeamId() != null) {
        store.route(id, null, r.assignTeamId(), "by rule '" + r.name() + "' to the team's queue");
        store.event(
            id, at, null, "system", "routed", "new", "by rule '" + r.name() + "' to a team queue");
        return;
      }
    }
    store.route(id, null, null, "no rule matched: general queue");
    store.event(id, at, null, "system", "routed", "new", "no rule matched: general queue");
  }

  @Transactional
  CareCase assign(long id, Long userId) {
    CareCase c = open(id);
    if (userId == null) {
      throw InvalidInputException.of("userId", "is required");
    }
    User u =
        users
            .find(userId)
            .filter(User::enabled)
            .orElseThrow(
                () -> InvalidInputException.of("userId", "no enabled user with id " + userId));
    store.route(id, u.id(), c.teamId(), "assigned by " + actor().name());
    CaseStatus status = c.status() == CaseStatus.NEW ? CaseStatus.ASSIGNED : c.status();
    store.setStatus(id, status);
    log(id, "assigned", status, "to " + u.displayName());
    return store.find(id).orElseThrow();
  }

  /** What a reply did: "recorded", or the network it was posted on, with the post's address. */
  record Replied(CareCase item, String how, String replyUrl) {}

  @Transactional
  Replied reply(long id, String text) {
    CareCase c = open(id);
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw InvalidInputException.of("text", "write the reply");
    }
    if (t.length() > MAX_REPLY) {
      throw InvalidInputException.of("text", "is longer than " + MAX_REPLY + " characters");
    }
    Instant now = now();
    String how = "recorded";
    String url = null;
    Long last = store.mentions(id).stream().reduce((a, b) -> b).orElse(null);
    if (last != null && replies.canPost(last)) {
      MentionReplies.Sent sent = replies.post(last, t);
      how = sent.network();
      url = sent.url();
    }
    store.responded(id, now);
    store.setStatus(id, CaseStatus.WAITING_ON_CUSTOMER);
    log(id, "reply", CaseStatus.WAITING_ON_CUSTOMER, t);
    long event = store.lastEventId(id);
    Actor a = actor();
    timeline.append(
        new NewTouchpoint(
            c.person(),
            c.account(),
            TouchpointKind.REPLY,
            c.network() == null ? "care" : c.network(),
            Direction.OUT,
            now,
            a.userId(),
            byName(a),
            NewTouchpoint.clip("Reply on case #" + id + ": " + t),
            new SourceRef("care.reply", Long.toString(event), url),
            null,
            null,
            null));
    return new Replied(store.find(id).orElseThrow(), how, url);
  }

  @Transactional
  CareCase status(long id, String raw) {
    CareCase c = open(id);
    CaseStatus s = CaseStatus.settable(raw);
    if (s == CaseStatus.NEW && c.assigneeUserId() != null) {
      throw InvalidInputException.of(
          "status", "the case is assigned; a new case is one nobody works yet");
    }
    store.setStatus(id, s);
    log(id, "status", s, c.status().key() + " → " + s.key());
    return store.find(id).orElseThrow();
  }

  /** Parses an outcome: resolved_happy, resolved_unhappy or no_answer. */
  static CaseClosed.Outcome outcome(String raw) {
    String key = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    for (CaseClosed.Outcome o : CaseClosed.Outcome.values()) {
      if (o.name().equals(key)) {
        return o;
      }
    }
    throw InvalidInputException.of(
        "outcome",
        "'"
            + (raw == null ? "" : raw)
            + "' is not an outcome; expected resolved_happy, resolved_unhappy or no_answer");
  }

  @Transactional
  CareCase close(long id, String rawOutcome) {
    CareCase c = open(id);
    CaseClosed.Outcome outcome = outcome(rawOutcome);
    Instant now = now();
    if (!store.close(id, outcome, now)) {
      throw new CaseLocked(id);
    }
    String label = outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    log(id, "closed", CaseStatus.CLOSED, label);
    if (outcome == CaseClosed.Outcome.RESOLVED_UNHAPPY) {
      jdbc.sql(
              "insert into care_churn_risk (person_id, account_id, case_id, marked_at)"
                  + " values (:p, :a, :c, :at) on conflict do nothing")
          .param("p", c.person().value())
          .param("a", c.account() == null ? null : c.account().value())
          .param("c", id)
          .param("at", CaseStore.ts(now))
          .update();
    }
    Actor a = actor();
    timeline.append(
        new NewTouchpoint(
            c.person(),
            c.account(),
            TouchpointKind.CASE,
            "care",
            null,
            now,
            a.userId(),
            byName(a),
            "Case #"
                + id
                + " closed: "
                + label
                + (outcome == CaseClosed.Outcome.RESOLVED_UNHAPPY ? " (churn risk)" : ""),
            new SourceRef("care.case.closed", Long.toString(id), null),
            null,
            null,
            null));
    events.publishEvent(new CaseClosed(id, c.person(), c.account(), outcome, now));
    return store.find(id).orElseThrow();
  }

  private CareCase open(long id) {
    CareCase c = store.find(id).orElseThrow(() -> new NotFoundException("case", id));
    if (!c.status().isOpen()) {
      throw new CaseLocked(id);
    }
    return c;
  }

  private void log(long id, String kind, CaseStatus status, String detail) {
    Actor a = actor();
    store.event(id, now(), a.userId(), a.name(), kind, status.key(), detail);
  }

  /** Who a touchpoint is by: a user's name, or none for the system's own work. */
  private static String byName(Actor a) {
    return a.userId() == null ? null : a.name();
  }

  private Actor actor() {
    return actors.current();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
