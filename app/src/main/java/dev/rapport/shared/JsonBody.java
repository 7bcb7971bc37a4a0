package dev.rapport.shared;

import dev.rapport.shared.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a request body field by field so that every refusal names the field (with its path, such as
 * {@code source.url}) and the reason, instead of a generic "cannot read request".
 */
public final class JsonBody {

  private final JsonNode node;
  private final String prefix;
  private final List<FieldError> errors;

  private JsonBody(JsonNode node, String prefix, List<FieldError> errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
  }

  public static JsonBody parse(ObjectMapper json, String body, Set<String> allowed) {
    if (body == null || body.isBlank()) {
      throw InvalidInputException.of("body", "is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
    } catch (JacksonException e) {
      throw InvalidInputException.of("body", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    JsonBody result = new JsonBody(node, "", new ArrayList<>());
    result.onlyKnown(allowed);
    return result;
  }

  /** The nested object under {@code field}, sharing this body's error list; null when absent. */
  public JsonBody object(String field, Set<String> allowed) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isObject()) {
      error(field, "must be a JSON object");
      return null;
    }
    JsonBody nested = new JsonBody(v, name(field) + ".", errors);
    nested.onlyKnown(allowed);
    return nested;
  }

  private void onlyKnown(Set<String> allowed) {
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        error(name, "is not a known field; known fields are " + allowed.stream().sorted().toList());
      }
    }
  }

  public boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  public String text(String field, boolean required) {
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
    return v.asString();
  }

  /** true or false; null when absent. */
  public Boolean bool(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isBoolean()) {
      error(field, "must be true or false");
      return null;
    }
    return v.booleanValue();
  }

  public Long id(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() <= 0) {
      error(field, "must be a positive whole number");
      return null;
    }
    return v.longValue();
  }

  /** A string, stripped; when required it may not be blank; never longer than maxLength. */
  public String text(String field, boolean required, int maxLength) {
    String raw = text(field, required);
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
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

  public Long id(String field, boolean required) {
    if (!has(field) && required) {
      error(field, "is required");
    }
    return id(field);
  }

  public List<Long> ids(String field) {
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

  public BigDecimal decimal(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    try {
      if (v.isNumber()) {
        return v.decimalValue();
      }
      if (v.isString()) {
        return new BigDecimal(v.asString().strip());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error(field, "must be a decimal number such as 1250.00");
    return null;
  }

  public Instant instant(String field, boolean required) {
    String s = text(field, required);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      error(field, "must be an ISO-8601 time with offset such as 2026-03-01T10:15:00Z");
      return null;
    }
  }

  public <E extends Enum<E>> E oneOf(String field, Class<E> type, boolean required) {
    String s = text(field, required);
    if (s == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      error(
          field,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList()
              + ", was '"
              + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
              + "'");
      return null;
    }
  }

  public void error(String field, String reason) {
    errors.add(new FieldError(name(field), reason));
  }

  private String name(String field) {
    return prefix + field;
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
