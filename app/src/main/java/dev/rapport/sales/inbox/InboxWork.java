package dev.rapport.sales.inbox;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.Users;
import dev.rapport.listening.MentionDetails;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to an inbox item: opened, assigned, snoozed, replied, done. Each one locks the item,
 * appends a row to its history (who, when, what) and a note to the person's timeline, in one
 * transaction. The first reply records the time to first response in business minutes.
 */
@Component
class InboxWork {

  static final String SOURCE_TYPE = "sales.inbox";
  static final Duration MAX_SNOOZE = Duration.ofDays(90);

  private final InboxItems items;
  private final InboxSettings settings;
  private final Timeline timeline;
  private final Actors actors;
  private final Users users;
  private final Clock clock;

  InboxWork(
      InboxItems items, InboxSettings settings, Timeline timeline, Actors actors, Users users) {
    this.items = items;
    this.settings = settings;
    this.timeline = timeline;
    this.actors = actors;
    this.users = users;
    this.clock = Clock.systemUTC();
  }

  /** The history and timeline of a new item; called in the storing transaction. */
  @Transactional
  Item opened(long id, MentionDetails.Detail m) {
    Item item = items.find(id).orElseThrow();
    String readings =
        item.readings().stream()
            .map(k -> Signal.byKey(k).map(Signal::label).orElse(k))
            .collect(Collectors.joining(", "));
    String rules =
        m.rules().stream().map(MentionDetails.Rule::name).collect(Collectors.joining(", "));
    record(
        item,
        "opened",
        readings + " on " + m.network() + (rules.isEmpty() ? "" : ", rule " + rules),
        "Inbox item #" + id + " opened: " + readings + " (due " + item.dueAt() + ")");
    return item;
  }

  @Transactional
  Item assign(long id, long userId) {
    Item item = open(id);
    var user = users.find(userId).filter(u -> u.enabled());
    if (user.isEmpty()) {
      throw InvalidInputException.of("assigneeUserId", "no enabled user with id " + userId);
    }
    Status next = item.status() == Status.SNOOZED ? Status.SNOOZED : Status.ASSIGNED;
    Item changed = with(item, next, userId, item.teamId(), item.snoozedUntil());
    items.update(changed);
    String name = user.get().displayName();
    record(changed, "assigned", "to " + name, "Inbox item #" + id + " assigned to " + name);
    return changed;
  }

  /**
   * Records where routing sent a new item: to a user (assigned), or to a team's queue or the
   * general queue (still new).
   */
  @Transactional
  Item routed(long id, Long userId, Long teamId, Route route, String why) {
    Item item = lock(id);
    Status next = userId == null ? Status.NEW : Status.ASSIGNED;
    Item changed =
        new Item(
            item.id(),
            item.mentionId(),
            item.person(),
            item.network(),
            item.language(),
            item.readings(),
            item.slaReading(),
            item.caution(),
            item.ruleIds(),
            next,
            userId,
            teamId,
            route == null ? null : route.id(),
            null,
            item.createdAt(),
            item.dueAt(),
            item.firstResponseAt(),
            item.responseMinutes(),
            item.doneAt());
    items.update(changed);
    String to =
        userId != null
            ? "to " + users.find(userId).map(u -> u.displayName()).orElse("user " + userId)
            : teamId != null ? "to the queue of team " + teamId : "to the general queue";
    record(changed, "routed", to + ", " + why, "Inbox item #" + id + " routed " + to + " " + why);
    return changed;
  }

  /** Assigns every item in one transaction: one refusal (a done item) leaves all as they were. */
  @Transactional
  java.util.List<Item> assignAll(java.util.List<Long> ids, long userId) {
    return ids.stream().map(id -> assign(id, userId)).toList();
  }

  @Transactional
  Item snooze(long id, Instant until) {
    Item item = open(id);
    Instant now = now();
    if (until == null || !until.isAfter(now)) {
      throw InvalidInputException.of("until", "must be in the future");
    }
    if (until.isAfter(now.plus(MAX_SNOOZE))) {
      throw InvalidInputException.of("until", "must be within 90 days");
    }
    Item changed = with(item, Status.SNOOZED, item.assigneeUserId(), item.teamId(), until);
    items.update(changed);
    record(changed, "snoozed", "until " + until, "Inbox item #" + id + " snoozed until " + until);
    return changed;
  }

  @Transactional
  Item done(long id) {
    Item item = lock(id);
    if (item.status() == Status.DONE) {
      return item;
    }
    Instant now = now();
    Item changed =
        new Item(
            item.id(),
            item.mentionId(),
            item.person(),
            item.network(),
            item.language(),
            item.readings(),
            item.slaReading(),
            item.caution(),
            item.ruleIds(),
            Status.DONE,
            item.assigneeUserId(),
            item.teamId(),
            item.routeId(),
            null,
            item.createdAt(),
            item.dueAt(),
            item.firstResponseAt(),
            item.responseMinutes(),
            now);
    items.update(changed);
    record(changed, "done", null, "Inbox item #" + id + " done");
    return changed;
  }

  /**
   * Marks the item replied ({@code how}: "mastodon", "bluesky", "drafted"); the first reply sets
   * the time to first response.
   */
  @Transactional
  Item replied(long id, String how) {
    Item item = lock(id);
    if (item.status() == Status.DONE) {
      throw InvalidInputException.of("status", "the item is done; reopen it by assigning it");
    }
    Instant now = now();
    Instant first = item.firstResponseAt() == null ? now : item.firstResponseAt();
    Long minutes =
        item.responseMinutes() == null
            ? settings.calendar().minutesBetween(item.createdAt(), now)
            : item.responseMinutes();
    Item changed =
        new Item(
            item.id(),
            item.mentionId(),
            item.person(),
            item.network(),
            item.language(),
            item.readings(),
            item.slaReading(),
            item.caution(),
            item.ruleIds(),
            Status.REPLIED,
            item.assigneeUserId(),
            item.teamId(),
            item.routeId(),
            null,
            item.createdAt(),
            item.dueAt(),
            first,
            minutes,
            item.doneAt());
    items.update(changed);
    record(
        changed,
        "replied",
        how
            + (item.firstResponseAt() == null
                ? ", first response after " + minutes + " business minutes"
                : ""),
        "Inbox item #" + id + " replied (" + how + ")");
    return changed;
  }

  /**
   * Records on the item's history that its person was made a lead (the stage change itself is on
   * the person's timeline and lifecycle history already).
   */
  @Transactional
  void leadMade(long id, dev.rapport.sales.LeadMade made) {
    Item item = lock(id);
    Actor actor = actors.current();
    items.append(
        item.id(),
        now(),
        actor.userId(),
        actor.name(),
        "lead",
        item.status(),
        "person moved to " + made.stage() + ", source " + made.source().name().toLowerCase());
  }

  /** Now, to the microsecond the databases keep, so a stored time reads back equal. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private Item open(long id) {
    Item item = lock(id);
    if (item.status() == Status.DONE) {
      throw InvalidInputException.of("status", "the item is done");
    }
    return item;
  }

  private Item lock(long id) {
    return items.lock(id).orElseThrow(() -> new NotFoundException("inbox item", id));
  }

  private static Item with(Item i, Status s, Long assignee, Long team, Instant snoozedUntil) {
    return new Item(
        i.id(),
        i.mentionId(),
        i.person(),
        i.network(),
        i.language(),
        i.readings(),
        i.slaReading(),
        i.caution(),
        i.ruleIds(),
        s,
        assignee,
        team,
        i.routeId(),
        s == Status.SNOOZED ? snoozedUntil : null,
        i.createdAt(),
        i.dueAt(),
        i.firstResponseAt(),
        i.responseMinutes(),
        i.doneAt());
  }

  /** Appends the change to the item's history and, for a known person, to their timeline. */
  private void record(Item item, String action, String detail, String summary) {
    Actor actor = actors.current();
    Instant now = now();
    long change =
        items.append(item.id(), now, actor.userId(), actor.name(), action, item.status(), detail);
    if (item.person() != null) {
      timeline.append(
          new NewTouchpoint(
              item.person(),
              null,
              TouchpointKind.NOTE,
              "inbox",
              null,
              now,
              actor.userId(),
              // routing by rule runs as the system: the timeline names users only
              actor.userId() == null ? null : actor.name(),
              NewTouchpoint.clip(summary),
              new SourceRef(SOURCE_TYPE, item.id() + "." + change, null),
              null,
              null,
              null));
    }
  }
}
