package dev.rapport.sales.inbox;

import java.util.Locale;

/** Where an inbox item stands. New and assigned items wait; snoozed ones wait from a time on. */
enum Status {
  NEW,
  ASSIGNED,
  REPLIED,
  SNOOZED,
  DONE;

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
