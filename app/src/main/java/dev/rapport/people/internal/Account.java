package dev.rapport.people.internal;

import java.time.Instant;
import java.util.List;

/** A stored account (company). */
record Account(
    long id,
    String name,
    List<String> domains,
    String industry,
    Integer employees,
    String location,
    Long ownerUserId,
    Instant createdAt,
    Instant updatedAt) {

  AccountDraft draft() {
    return new AccountDraft(name, domains, industry, employees, location, ownerUserId);
  }

  public String domain() {
    return domains.isEmpty() ? null : domains.get(0);
  }
}
