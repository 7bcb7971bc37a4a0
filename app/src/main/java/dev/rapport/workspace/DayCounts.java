package dev.rapport.workspace;

import dev.rapport.access.Actors;
import dev.rapport.sales.InboxNumbers;
import dev.rapport.sales.KeepInTouch;
import dev.rapport.sales.Leads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The numbers of the signed-in user's day, for the home page and the left navigation. */
@Component
class DayCounts {

  /**
   * What waits: leads a threshold moved this week, touches due by tonight, inbox items waiting for
   * the user and those of them past their SLA.
   */
  record Counts(long newLeads, long touchesDue, long inboxWaiting, long inboxBreached) {}

  static final Duration LEAD_WINDOW = Duration.ofDays(7);
  static final int MAX_COUNTED = 500;

  private final Leads leads;
  private final KeepInTouch keepInTouch;
  private final InboxNumbers inbox;
  private final Actors actors;
  private final Clock clock = Clock.systemUTC();

  DayCounts(Leads leads, KeepInTouch keepInTouch, InboxNumbers inbox, Actors actors) {
    this.leads = leads;
    this.keepInTouch = keepInTouch;
    this.inbox = inbox;
    this.actors = actors;
  }

  Instant now() {
    return clock.instant();
  }

  Counts counts() {
    Instant now = now();
    Long me = actors.current().userId();
    InboxNumbers.Counts items = me == null ? new InboxNumbers.Counts(0, 0) : inbox.forUser(me);
    return new Counts(
        leads.crossedSince(now.minus(LEAD_WINDOW), MAX_COUNTED).size(),
        me == null ? 0 : keepInTouch.dueCount(me, now),
        items.waiting(),
        items.breached());
  }
}
