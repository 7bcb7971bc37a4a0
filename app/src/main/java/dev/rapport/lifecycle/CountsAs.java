package dev.rapport.lifecycle;

/** What a stage counts as in the scorecards, whatever the model calls it. */
public enum CountsAs {
  AWARENESS,
  CONSIDERATION,
  SALE,
  LOYALTY,
  ADVOCACY
}
