package dev.rapport.sales;

/** Where a stakeholder stands on our offer. */
public enum Stance {
  SUPPORTER,
  NEUTRAL,
  SKEPTIC,
  OPPONENT,
  UNKNOWN
}
