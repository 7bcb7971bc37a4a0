package dev.rapport.engine.read;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one JSON object per line for the tests and the training and evaluation commands, with
 * jackson-databind: an independent oracle for what the batch command writes, and no JSON parser of
 * the engine's own. Numbers read as Integer, Long or Double; null as null.
 */
final class JsonLines {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private JsonLines() {}

  /** The object on this line; anything else (an array, a string, broken JSON) is refused. */
  static Map<?, ?> object(String line) {
    Object value;
    try {
      value = JSON.readValue(line, Object.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("not a JSON object: " + line);
    }
    return map;
  }

  /** A JSON string literal for {@code s}. */
  static String quote(String s) {
    return JSON.writeValueAsString(s);
  }
}
