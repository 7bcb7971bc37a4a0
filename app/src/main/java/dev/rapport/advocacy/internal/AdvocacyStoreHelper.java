package dev.rapport.advocacy.internal;

import dev.rapport.care.CaseClosed;
import dev.rapport.people.PersonId;

/** Small steps shared by the listeners and the demo. */
final class AdvocacyStoreHelper {

  private AdvocacyStoreHelper() {}

  /** Puts a happily served person on the list as a candidate (an advocate stays one). */
  static void candidate(AdvocacyStore store, PersonId person, CaseClosed closed) {
    store.enlist(
        person,
        "CANDIDATE",
        "case " + closed.caseId(),
        "case " + closed.caseId() + " resolved happily",
        0,
        closed.closedAt());
  }
}
