package dev.rapport.people;

import java.util.List;
import java.util.Map;

/**
 * A feature's part of a person's data export (GDPR right of access). People builds the document and
 * asks every bean of this type for its sections; features implement it rather than people reading
 * their tables, so the module graph stays one-way (an export needs answers back, which an event
 * cannot carry).
 */
public interface PersonDataExport {

  /**
   * Everything the feature keeps about these persons (the subject and the records merged into
   * them), by section name; values are anything Jackson writes (rows as maps, records, lists).
   */
  Map<String, Object> sectionsAbout(List<PersonId> persons);
}
