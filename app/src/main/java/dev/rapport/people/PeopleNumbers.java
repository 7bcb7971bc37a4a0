package dev.rapport.people;

import java.time.Instant;
import java.util.Optional;

/** Counts the home page shows, among the records the current user may see. */
public interface PeopleNumbers {

  /** The latest CSV import: file, state and rows. */
  record LastImport(String id, String fileName, String status, int rows, int rejected) {}

  /** Persons (not merged away) created at or after {@code since}; all of them when null. */
  long persons(Instant since);

  /** Accounts. */
  long accounts();

  /** The most recent import, if any. */
  Optional<LastImport> lastImport();
}
