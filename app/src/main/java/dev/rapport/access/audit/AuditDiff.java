package dev.rapport.access.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Turns an audit row's old and new JSON values into readable lines: field: old → new. */
final class AuditDiff {

  public static final int MAX_VALUE = 160;

  /** One changed field; old or new is null when the field was added or removed. */
  public record Change(String field, String oldValue, String newValue) {}

  private AuditDiff() {}

  public static List<Change> of(JsonNode oldValue, JsonNode newValue) {
    boolean oldObject = oldValue != null && oldValue.isObject();
    boolean newObject = newValue != null && newValue.isObject();
    if (!oldObject && !newObject) {
      return Objects.equals(oldValue, newValue)
          ? List.of()
          : List.of(new Change("value", text(oldValue), text(newValue)));
    }
    Set<String> fields = new LinkedHashSet<>();
    names(oldObject ? oldValue : null, fields);
    names(newObject ? newValue : null, fields);
    List<Change> changes = new ArrayList<>();
    for (String field : fields) {
      JsonNode before = oldObject ? oldValue.get(field) : null;
      JsonNode after = newObject ? newValue.get(field) : null;
      String was = text(before);
      String now = text(after);
      if (!Objects.equals(was, now)) {
        changes.add(new Change(field, was, now));
      }
    }
    return changes;
  }

  private static void names(JsonNode node, Set<String> into) {
    if (node == null) {
      return;
    }
    for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
      into.add(it.next());
    }
  }

  /** A value as a person reads it: an id wrapper as its id, a named record by its name. */
  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject() && node.size() == 1 && node.has("value")) {
      return text(node.get("value"));
    }
    if (node.isObject() && node.has("name") && node.get("name").isString()) {
      return node.get("name").asString();
    }
    String s = node.isString() ? node.asString() : node.toString();
    return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) + "…" : s;
  }
}
