package dev.rapport.sales.inbox;

import dev.rapport.sales.BusinessHours;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** {@link BusinessHours} over the inbox's stored calendar, read on each call (it may change). */
@Component
class BusinessHoursFacade implements BusinessHours {

  private final InboxSettings settings;

  BusinessHoursFacade(InboxSettings settings) {
    this.settings = settings;
  }

  @Override
  public Instant plus(Instant from, long minutes) {
    return settings.calendar().plus(from, minutes);
  }

  @Override
  public long minutesBetween(Instant from, Instant to) {
    return settings.calendar().minutesBetween(from, to);
  }
}
