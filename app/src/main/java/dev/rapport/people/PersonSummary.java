package dev.rapport.people;

import java.util.List;

/** What other features show of a person: name, main email, title and company. */
public record PersonSummary(
    PersonId id,
    String name,
    String email,
    String title,
    AccountId account,
    String accountName,
    Long ownerUserId,
    List<String> tags) {

  public PersonSummary {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
