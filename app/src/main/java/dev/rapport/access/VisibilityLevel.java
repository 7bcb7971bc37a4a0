package dev.rapport.access;

/** Who sees the records of one object type: only their owner, the owner's teams, or everyone. */
public enum VisibilityLevel {
  OWN,
  TEAM,
  EVERYONE
}
