package dev.rapport.people.internal;

import java.util.List;
import java.util.Map;

/** What an import of one kind (persons, accounts) needs: its fields and how a chunk is applied. */
interface ImportKind {

  /** Counts of what a chunk did (or, in a dry run, would do). */
  record Counts(int created, int updated) {}

  /** The fields a column can be mapped to, with the longest raw value each accepts. */
  Map<String, Integer> fields();

  /** Other header names users write for a field ("e-mail", "company"). */
  Map<String, String> aliases();

  List<String> dedupeKeys();

  /**
   * Checks the rows against the database and, unless dry, writes the good ones. Rejected rows get
   * their problems and change nothing. {@code keys} remembers dedupe keys across chunks.
   */
  Counts apply(List<ImportRow> rows, String dedupeKey, boolean dry, Map<String, Integer> keys);
}
