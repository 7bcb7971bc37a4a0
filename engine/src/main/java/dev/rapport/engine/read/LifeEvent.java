package dev.rapport.engine.read;

/** Life events and sales triggers, each a good moment to reach out or a reason to hold back. */
public enum LifeEvent {
  NEW_JOB(Timing.TRIGGER),
  PROMOTION(Timing.TRIGGER),
  FUNDING(Timing.TRIGGER),
  HIRING(Timing.TRIGGER),
  EXPANSION(Timing.TRIGGER),
  BUDGET_CUT(Timing.CAUTION),
  LAYOFFS(Timing.CAUTION),
  ILLNESS(Timing.CAUTION),
  BEREAVEMENT(Timing.CAUTION),
  TRAVEL(Timing.TRIGGER),
  RELOCATION(Timing.TRIGGER),
  WEDDING(Timing.TRIGGER),
  NEW_BABY(Timing.TRIGGER),
  /** Graduating, or being admitted to a school or university. */
  GRADUATION(Timing.TRIGGER),
  /** An award won, a race run, a milestone reached. */
  ACHIEVEMENT(Timing.TRIGGER);

  private final Timing timing;

  LifeEvent(Timing timing) {
    this.timing = timing;
  }

  public Timing timing() {
    return timing;
  }
}
