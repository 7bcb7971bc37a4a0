package dev.rapport.lifecycle;

/** The function that owns a stage: it works the people who stand in it. */
public enum StageOwner {
  MARKETING,
  SALES,
  BOTH
}
