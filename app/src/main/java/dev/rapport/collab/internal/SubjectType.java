package dev.rapport.collab.internal;

import java.util.Locale;

/**
 * The kinds of record that have a feed. {@code OPPORTUNITY} is declared now so that stored rows and
 * the API agree on its name; it has no {@link FeedSubject} until the sales opportunities are wired
 * in (docs/collab.md), and until then every route answers it as not found.
 */
public enum SubjectType {
  PERSON("persons"),
  ACCOUNT("accounts"),
  OPPORTUNITY("opportunities");

  private final String segment;

  SubjectType(String segment) {
    this.segment = segment;
  }

  /** The path segment of the record's routes: {@code /feed/persons/12}. */
  public String segment() {
    return segment;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
