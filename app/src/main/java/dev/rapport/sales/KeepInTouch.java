package dev.rapport.sales;

import java.time.Instant;
import java.util.List;

/**
 * Keep-in-touch cadences as other features read them: what each owner has due today or overdue.
 * Only persons the current user may see are returned.
 */
public interface KeepInTouch {

  /**
   * The owner's persons due by the end of the day (UTC) that contains {@code now}, most overdue
   * first.
   */
  List<KeepInTouchDue> due(long ownerUserId, Instant now, int limit);

  /** How many of the owner's persons are due by the end of that day. */
  long dueCount(long ownerUserId, Instant now);
}
