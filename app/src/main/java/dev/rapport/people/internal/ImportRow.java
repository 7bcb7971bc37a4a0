package dev.rapport.people.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One data row of an import, its values by field, and the problems found with it so far. */
final class ImportRow {

  /** One problem: the row, the CSV column (or "row" for the row as a whole), and why. */
  record Problem(int row, String field, String reason) {}

  final int number;
  final Map<String, String> values;
  private final Map<String, String> columns;
  final List<Problem> problems = new ArrayList<>();

  /** The owner of the record this row creates when the row names none: the import's choice. */
  Long newOwner;

  ImportRow(int number, Map<String, String> values, Map<String, String> columns) {
    this.number = number;
    this.values = values;
    this.columns = columns;
  }

  String get(String field) {
    return Fields.clean(values.get(field));
  }

  /** Rejects the row for a field; the message names the CSV column the user knows. */
  void reject(String field, String reason) {
    problems.add(new Problem(number, columns.getOrDefault(field, field), reason));
  }

  boolean isRejected() {
    return !problems.isEmpty();
  }

  List<String> list(String field) {
    String v = get(field);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split("[;|]")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  Long number(String field) {
    String v = get(field);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      reject(field, "'" + Fields.shorten(v) + "' is not a whole number");
      return null;
    }
  }

  Boolean bool(String field) {
    String v = get(field);
    if (v == null) {
      return null;
    }
    return switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> {
        reject(field, "'" + Fields.shorten(v) + "' is not yes or no");
        yield null;
      }
    };
  }
}
