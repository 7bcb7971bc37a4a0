package dev.rapport.timeline;

/** Whether the contact came in to us or went out from us. */
public enum Direction {
  IN,
  OUT
}
