package dev.rapport.sales.board;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The board's and the list's filters: owner, team and close month, each optional. Parsed from the
 * request's text; bad text is refused naming the field.
 */
record BoardFilter(Long owner, Long team, YearMonth closeMonth) {

  static final BoardFilter NONE = new BoardFilter(null, null, null);

  static BoardFilter parse(String owner, String team, String closeMonth) {
    List<FieldError> errors = new ArrayList<>();
    Long o = id("owner", owner, errors);
    Long t = id("team", team, errors);
    YearMonth m = null;
    if (closeMonth != null && !closeMonth.isBlank()) {
      try {
        m = YearMonth.parse(closeMonth.strip());
        if (m.getYear() < 1900 || m.getYear() > 9999) {
          errors.add(new FieldError("closeMonth", "must be a month between 1900-01 and 9999-12"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("closeMonth", "must be a month like 2026-12"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new BoardFilter(o, t, m);
  }

  private static Long id(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long v = Long.parseLong(text.strip());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a positive id"));
    return null;
  }

  boolean any() {
    return owner != null || team != null || closeMonth != null;
  }
}
