package dev.rapport.people.internal;

import java.time.Instant;
import java.util.List;

/** A stored person with everything the person page shows, except identities and fit. */
record Person(
    long id,
    String firstName,
    String lastName,
    String fullName,
    List<String> emails,
    List<String> phones,
    String title,
    Long accountId,
    String accountName,
    Long ownerUserId,
    List<String> tags,
    boolean mayContact,
    String consentBasis,
    Long mergedInto,
    Instant createdAt,
    Instant updatedAt) {

  PersonDraft draft() {
    return new PersonDraft(
        firstName,
        lastName,
        emails,
        phones,
        title,
        accountId,
        ownerUserId,
        tags,
        mayContact,
        consentBasis);
  }
}
