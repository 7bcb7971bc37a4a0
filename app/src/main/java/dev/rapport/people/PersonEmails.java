package dev.rapport.people;

import java.util.Collection;
import java.util.Map;

/**
 * Persons by email address, for features that hear mail (sales' mailboxes). Lookups are the
 * system's own work, whoever may see the persons: the routes that show what was found ask {@link
 * RecordAccess}. Addresses are compared lower case and stripped.
 */
public interface PersonEmails {

  /**
   * The persons these addresses belong to, keyed by the address lower case; a merged person is
   * answered with the person they live on now. Unknown addresses are absent.
   */
  Map<String, PersonId> byEmail(Collection<String> emails);

  /**
   * Creates a person with this address, owned by the current user (a mail sender someone adds from
   * their mailbox), or returns the person the address already belongs to. The name, when given, is
   * split into first and last name. Invalid input raises {@code InvalidInputException}.
   */
  PersonId createWithEmail(String email, String displayName);
}
