package dev.rapport.sales;

import java.time.Instant;

/**
 * The workspace's business calendar (working days, opening hours and time zone, as set on the inbox
 * settings), for other features that time work against an SLA in business hours: care's cases use
 * it so that one working week holds for every clock in the workspace.
 */
public interface BusinessHours {

  /** The instant {@code minutes} business minutes after {@code from}. */
  Instant plus(Instant from, long minutes);

  /** Business minutes between two instants; zero when {@code to} is not after {@code from}. */
  long minutesBetween(Instant from, Instant to);
}
