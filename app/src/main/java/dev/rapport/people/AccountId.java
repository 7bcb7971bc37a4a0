package dev.rapport.people;

/** The stable reference other features keep to an account (company). */
public record AccountId(long value) {

  public AccountId {
    if (value <= 0) {
      throw new IllegalArgumentException("account id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
