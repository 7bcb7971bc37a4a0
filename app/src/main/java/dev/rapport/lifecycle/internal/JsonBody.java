package dev.rapport.lifecycle.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a request body field by field so that every refusal names the field and the reason, instead
 * of a generic "cannot read request".
 */
final class JsonBody {

  private final JsonNode node;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonBody(JsonNode node) {
    this.node = node;
  }

  static JsonBody parse(ObjectMapper json, String body, Set<String> allowed) {
    if (body == null || body.isBlank()) {
      throw InvalidInputException.of("body", "is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JacksonException e) {
      throw InvalidInputException.of("body", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    JsonBody result = new JsonBody(node);
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        result.error(name, "is not a known field; known fields are " + allowed);
      }
    }
    return result;
  }

  boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  String text(String field, boolean required, int maxLength) {
    if (!has(field)) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isString()) {
      error(field, "must be a string");
      return null;
    }
    String s = v.asString().strip();
    if (required && s.isEmpty()) {
      error(field, "must not be blank");
      return null;
    }
    if (s.length() > maxLength) {
      error(field, "is longer than " + maxLength + " characters (" + s.length() + ")");
      return null;
    }
    return s;
  }

  Long id(String field, boolean required) {
    if (!has(field)) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() <= 0) {
      error(field, "must be a positive whole number");
      return null;
    }
    return v.longValue();
  }

  List<Long> ids(String field) {
    if (!has(field)) {
      error(field, "is required");
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isArray()) {
      error(field, "must be an array of ids");
      return null;
    }
    List<Long> ids = new ArrayList<>();
    int i = 0;
    for (JsonNode e : v.values()) {
      if (!e.isIntegralNumber() || !e.canConvertToLong() || e.longValue() <= 0) {
        error(field + "[" + i + "]", "must be a positive whole number");
        return null;
      }
      ids.add(e.longValue());
      i++;
    }
    return ids;
  }

  <E extends Enum<E>> E oneOf(String field, Class<E> type, boolean required) {
    String s = text(field, required, 40);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      error(
          field,
          "must be one of "
              + java.util.Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ", was '"
              + s
              + "'");
      return null;
    }
  }

  void error(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
