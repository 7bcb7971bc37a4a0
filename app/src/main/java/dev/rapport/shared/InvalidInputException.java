package dev.rapport.shared;

import java.util.List;
import java.util.Objects;

/** Raised when input from outside is refused; each error names the field and why. */
public class InvalidInputException extends RuntimeException {

  /** One refused field. */
  public record FieldError(String field, String reason) {
    public FieldError {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInputException of(String field, String reason) {
    return new InvalidInputException(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one error");
    }
    return errors.stream()
        .map(e -> e.field() + ": " + e.reason())
        .reduce((a, b) -> a + "; " + b)
        .get();
  }
}
