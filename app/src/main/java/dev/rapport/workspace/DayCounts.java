package dev.rapport.workspace;

import dev.rapport.access.Actors;
import dev.rapport.sales.KeepInTouch;
import dev.rapport.sales.Leads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The numbers of the signed-in user's day, for the home page and the left navigation. */
@Component
class DayCounts {

  /** What waits: leads a threshold moved this week, touches due by tonight. */
  record Counts(long newLeads, long touchesDue) {}

  static final Duration LEAD_WINDOW = Duration.ofDays(7);
  static final int MAX_COUNTED = 500;

  private final Leads leads;
  private final KeepInTouch keepInTouch;
  private final Actors actors;
  private final Clock clock = Clock.systemUTC();

  DayCounts(Leads leads, KeepInTouch keepInTouch, Actors actors) {
    this.leads = leads;
    this.keepInTouch = keepInTouch;
    this.actors = actors;
  }

  Instant now() {
    return clock.instant();
  }

  Counts counts() {
    Instant now = now();
    Long me = actors.current().userId();
    return new Counts(
        leads.crossedSince(now.minus(LEAD_WINDOW), MAX_COUNTED).size(),
        me == null ? 0 : keepInTouch.dueCount(me, now));
    // INBOX SLOT: the lead adds the inbox helper's InboxNumbers (waiting, breached) here
  }
}
