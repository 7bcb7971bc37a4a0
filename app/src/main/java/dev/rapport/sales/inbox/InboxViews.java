package dev.rapport.sales.inbox;

import dev.rapport.access.Team;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.listening.MentionDetails;
import dev.rapport.people.IdealCustomers;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Inbox items as the page and the API show them: readings by name, the SLA timer in business
 * minutes, who has it, the person with their stage and fit, the matched rules by name and a
 * suggested reply.
 */
@Component
class InboxViews {

  /** An item for people and clients. Times are ISO instants; minutes are business minutes. */
  record ItemView(
      long id,
      long mentionId,
      String status,
      List<String> readings,
      List<String> readingLabels,
      String slaReading,
      boolean caution,
      Instant createdAt,
      Instant dueAt,
      boolean breached,
      long minutesLeft,
      long minutesOverdue,
      String timer,
      Long assigneeUserId,
      String assigneeName,
      Long teamId,
      String teamName,
      Long personId,
      String personName,
      String stage,
      String fit,
      String network,
      String authorHandle,
      String postUrl,
      boolean postDeleted,
      List<String> rules,
      Instant snoozedUntil,
      Instant firstResponseAt,
      Long responseMinutes,
      String suggestedReply) {}

  private final MentionDetails mentions;
  private final Persons persons;
  private final Lifecycle lifecycle;
  private final IdealCustomers icp;
  private final Users users;
  private final InboxSettings settings;

  InboxViews(
      MentionDetails mentions,
      Persons persons,
      Lifecycle lifecycle,
      IdealCustomers icp,
      Users users,
      InboxSettings settings) {
    this.mentions = mentions;
    this.persons = persons;
    this.lifecycle = lifecycle;
    this.icp = icp;
    this.users = users;
    this.settings = settings;
  }

  List<ItemView> views(List<Item> items) {
    Instant now = Instant.now();
    BusinessCalendar calendar = settings.calendar();
    Map<Long, String> userNames = new HashMap<>();
    Map<Long, String> teamNames = new HashMap<>();
    for (Team t : users.teams()) {
      teamNames.put(t.id(), t.name());
    }
    // the persons of the whole page in a few queries, not a few per item
    Map<dev.rapport.people.PersonId, PersonSummary> people =
        persons.findAll(items.stream().map(Item::person).filter(p -> p != null).toList());
    List<ItemView> out = new ArrayList<>();
    for (Item i : items) {
      out.add(view(i, now, calendar, userNames, teamNames, people));
    }
    return out;
  }

  ItemView view(Item item) {
    return views(List.of(item)).get(0);
  }

  /** The post cards of the items' mentions, by mention id, for the post card fragment. */
  Map<Long, Object> cards(List<Item> items) {
    return mentions.cards(items.stream().map(Item::mentionId).toList());
  }

  private ItemView view(
      Item i,
      Instant now,
      BusinessCalendar calendar,
      Map<Long, String> userNames,
      Map<Long, String> teamNames,
      Map<dev.rapport.people.PersonId, PersonSummary> people) {
    Optional<MentionDetails.Detail> m = mentions.find(i.mentionId());
    Optional<PersonSummary> person =
        i.person() == null ? Optional.empty() : Optional.ofNullable(people.get(i.person()));
    String stage =
        person
            .flatMap(p -> lifecycle.currentStages(p.id()).stream().findFirst())
            .map(CurrentStage::stage)
            .map(s -> s.name())
            .orElse(null);
    String fit =
        person
            .flatMap(p -> icp.fits(p.id()))
            .map(f -> f ? "fits the ICP" : "does not fit the ICP yet")
            .orElse(null);
    boolean breached = i.isBreached(now);
    boolean waiting = i.isWaiting(now) && i.firstResponseAt() == null;
    long left = waiting && now.isBefore(i.dueAt()) ? calendar.minutesBetween(now, i.dueAt()) : 0;
    long over = breached ? Math.max(1, calendar.minutesBetween(i.dueAt(), now)) : 0;
    String timer =
        !waiting
            ? (i.responseMinutes() == null ? "" : "answered in " + i.responseMinutes() + " min")
            : breached ? "overdue " + duration(over) : "due in " + duration(left);
    String assignee =
        i.assigneeUserId() == null
            ? null
            : userNames.computeIfAbsent(
                i.assigneeUserId(),
                id -> users.find(id).map(User::displayName).orElse("user " + id));
    return new ItemView(
        i.id(),
        i.mentionId(),
        i.status().key(),
        i.readings(),
        i.readings().stream().map(k -> Signal.byKey(k).map(Signal::label).orElse(k)).toList(),
        Signal.byKey(i.slaReading()).map(Signal::label).orElse(i.slaReading()),
        i.caution(),
        i.createdAt(),
        i.dueAt(),
        breached,
        left,
        over,
        timer,
        i.assigneeUserId(),
        assignee,
        i.teamId(),
        i.teamId() == null ? null : teamNames.getOrDefault(i.teamId(), "team " + i.teamId()),
        person.map(p -> p.id().value()).orElse(null),
        person.map(PersonSummary::name).orElse(null),
        stage,
        fit,
        i.network(),
        m.map(MentionDetails.Detail::authorHandle).orElse(null),
        m.map(MentionDetails.Detail::url).filter(InboxViews::isWebUrl).orElse(null),
        m.map(MentionDetails.Detail::isDeleted).orElse(true),
        m.map(d -> d.rules().stream().map(MentionDetails.Rule::name).toList()).orElse(List.of()),
        i.snoozedUntil(),
        i.firstResponseAt(),
        i.responseMinutes(),
        SuggestedReply.draft(
            i.readings(), i.caution(), m.map(MentionDetails.Detail::authorHandle).orElse(null)));
  }

  static boolean isWebUrl(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
  }

  /** 95 → "1 h 35 min" (business time). */
  static String duration(long minutes) {
    if (minutes < 60) {
      return minutes + " min";
    }
    long h = minutes / 60;
    long m = minutes % 60;
    return h + " h" + (m == 0 ? "" : " " + m + " min");
  }
}
