package dev.rapport.care.internal;

/**
 * A change asked of a closed case. Closed is final: a case is never reopened (its outcome has been
 * published and acted on); a new post in its thread opens a new case linked to it instead. Answered
 * as 409 naming the field {@code status}.
 */
class CaseLocked extends RuntimeException {

  CaseLocked(long id) {
    super(
        "case #"
            + id
            + " is closed and cannot be reopened or changed; a new post in its thread opens a new"
            + " case linked to it");
  }
}
