package dev.rapport.sales;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six points of the sales process (the seeds' "successful sales process requires"), held as
 * gates on every opportunity. {@link #ACCESS} is never confirmed by hand: it holds when a
 * stakeholder is a decision maker we have access to.
 */
public enum Gate {
  PROBLEM(1, "Problem identified"),
  RETURN(2, "Measurable return agreed"),
  SOLUTION(3, "Solution articulated"),
  BUYING_PROCESS(4, "Buying process known"),
  ACCESS(5, "Access to decision makers"),
  ACCEPTANCE(6, "Acceptance");

  private final int number;
  private final String label;

  Gate(int number, String label) {
    this.number = number;
    this.label = label;
  }

  public int number() {
    return number;
  }

  public String label() {
    return label;
  }

  /** Whether the gate is read from the stakeholders rather than confirmed by hand. */
  public boolean derived() {
    return this == ACCESS;
  }

  /** "gate 3 (Solution articulated)", as refusals name it. */
  public String named() {
    return "gate " + number + " (" + label + ")";
  }

  public static Optional<Gate> of(int number) {
    return Arrays.stream(values()).filter(g -> g.number == number).findFirst();
  }
}
