package dev.rapport.advocacy.internal;

import java.time.Instant;

/** One record that counts towards a person's advocacy, as stored. */
record Signal(
    long id,
    long person,
    Kind kind,
    String recordType,
    String recordId,
    String text,
    Instant occurredAt) {

  /** What the record is, with the points each earns and the most a kind adds up to. */
  enum Kind {
    POSITIVE_POST(10, 30),
    BRAND_TAG(5, 20),
    REFERRAL(15, 45),
    REFERRAL_WON(10, 30),
    REVIEW(15, 30),
    CASE_HAPPY(15, 30),
    CASE_UNHAPPY(-15, -30);

    final int points;
    final int cap;

    Kind(int points, int cap) {
      this.points = points;
      this.cap = cap;
    }
  }
}
