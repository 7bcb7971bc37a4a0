package dev.rapport.engine.read;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * One input line of the batch command, parsed with jackson-core's streaming API: a JSON object with
 * a {@code text} string and an optional {@code id} (string or number) and {@code lang} (string or
 * null); other fields are passed over without being held.
 */
final class PostJson {

  /** Deeper nesting than this is refused before it costs anything. */
  static final int MAX_DEPTH = 64;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  /** A line that is not a post: what is wrong, and the post's id as JSON when it was read. */
  static final class Bad extends Exception {
    private final String idJson;

    Bad(String message, String idJson) {
      super(message, null, false, false);
      this.idJson = idJson;
    }

    String idJson() {
      return idJson;
    }
  }

  /** A post: its id as JSON (or null), text, and language (blank when not given). */
  record Input(String idJson, String text, String lang) {}

  private PostJson() {}

  static Input parse(String line) throws Bad {
    // Long: one streaming pass over the object's fields; the error must name the first thing wrong
    // in the order the line is read.
    String id = null;
    boolean badId = false;
    String text = null;
    boolean badText = false;
    String lang = "";
    boolean badLang = false;
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        drain(p);
        throw new Bad("expected a JSON object with a \"text\" field", null);
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "id" -> {
            if (v == JsonToken.VALUE_STRING) {
              id = quote(p.getString());
            } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
              id = p.getString();
            } else {
              badId = true;
            }
          }
          case "text" -> {
            text = v == JsonToken.VALUE_STRING ? p.getString() : null;
            badText = v != JsonToken.VALUE_STRING;
          }
          case "lang" -> {
            lang = v == JsonToken.VALUE_STRING ? p.getString() : "";
            badLang = v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL;
          }
          default -> {}
        }
        p.skipChildren();
      }
      if (t != JsonToken.END_OBJECT) {
        throw new Bad("not JSON: the object is not closed", null);
      }
      drain(p);
    } catch (JacksonException e) {
      throw new Bad("not JSON: " + e.getOriginalMessage(), null);
    }
    if (badId) {
      throw new Bad("\"id\" must be a string or a number", null);
    }
    if (badText || text == null) {
      throw new Bad("\"text\" is missing or not a string", id);
    }
    if (badLang) {
      throw new Bad("\"lang\" must be a string", id);
    }
    if (lang.length() > 35) {
      throw new Bad("\"lang\" is longer than a language tag can be", id);
    }
    return new Input(id, text, lang);
  }

  /** Reads to the end: text after the value is an error. */
  private static void drain(JsonParser p) throws Bad {
    if (p.nextToken() != null) {
      throw new Bad("not JSON: unexpected text after the JSON value", null);
    }
  }

  private static String quote(String s) {
    return ReadingJson.quote(s);
  }
}
