package dev.rapport.engine.read;

/** Whether a life event makes a good moment to reach out or a moment not to pitch. */
public enum Timing {
  TRIGGER,
  CAUTION
}
