package dev.rapport.people;

/** The stable reference other features keep to a person. */
public record PersonId(long value) {

  public PersonId {
    if (value <= 0) {
      throw new IllegalArgumentException("person id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
