package dev.rapport.sales;

import dev.rapport.people.PersonId;
import java.util.List;
import java.util.Objects;

/**
 * Published once when a mention with an actionable reading became an inbox item; {@code readings}
 * are its actionable readings (buying, switching, complaint, question, praise, life_event).
 */
public record InboxItemCreated(
    long itemId, long mentionId, PersonId person, List<String> readings) {

  public InboxItemCreated {
    Objects.requireNonNull(person, "person");
    readings = List.copyOf(readings);
  }
}
