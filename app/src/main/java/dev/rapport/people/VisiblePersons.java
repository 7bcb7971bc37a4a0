package dev.rapport.people;

import java.util.Map;

/**
 * The people visibility question as an SQL condition, for another feature's list of things written
 * by persons (mentions): the list is narrowed in its own query, so paging and counts stay true. The
 * condition names only people's tables (as a subquery), so people's schema stays people's.
 */
public interface VisiblePersons {

  /**
   * A condition on {@code column} (a person id) true when the current user may see that person (a
   * merged person is seen as the person it lives on now), with its parameters. When {@code
   * unknownVisible} is true the condition is also true for a null id or a person that does not
   * exist (deleted), the caller's own fallback for records without a person.
   */
  Condition authoredBy(String column, boolean unknownVisible);

  /** SQL text with named parameters (prefixed {@code vp_}) and their values. */
  record Condition(String sql, Map<String, Object> params) {
    public static final Condition ALL = new Condition("1 = 1", Map.of());
  }
}
