package dev.rapport.people;

import java.util.List;

/** Finds social identities by handle or display name, for global search; visible persons only. */
public interface Handles {

  /** A handle that matched, with the person it belongs to. */
  record Hit(
      PersonId person, String personName, String network, String handle, String profileUrl) {}

  /** Handles whose text contains the query, the ones that start with it first. */
  List<Hit> search(String text, int limit);
}
