package dev.rapport.engine.read;

import java.io.Writer;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a {@link Reading} as one JSON object, the command-line entry's output format, with
 * jackson-core's streaming generator. Surrogates and the two JavaScript line separators are written
 * as {@code \\uXXXX} escapes, so a post with a lone surrogate still gives a line of valid UTF-8
 * that decodes to exactly the text that was read (evidence offsets stay true).
 */
final class ReadingJson {

  private static final JsonFactory JSON =
      JsonFactory.builder().characterEscapes(new SafeEscapes()).build();

  private ReadingJson() {}

  static void write(StringBuilder out, long line, String idJson, Reading r) {
    // Long: the output format field by field, in the documented order, so that the code reads like
    // the format.
    try (JsonGenerator g = JSON.createGenerator(new Into(out))) {
      g.writeStartObject();
      head(g, line, idJson);
      g.writeStringProperty("language", r.language());
      g.writeBooleanProperty("supported", r.isSupported());
      if (!r.isSupported()) {
        g.writeStringProperty("note", r.note());
        g.writeEndObject();
        return;
      }
      Sentiment s = r.sentiment().orElseThrow();
      g.writeName("sentiment");
      g.writeStartObject();
      number(g, "score", s.score());
      g.writeStringProperty("label", lower(s.label().name()));
      evidence(g, s.evidence());
      g.writeEndObject();
      g.writeArrayPropertyStart("intents");
      for (IntentSignal x : r.intents()) {
        g.writeStartObject();
        g.writeStringProperty("intent", lower(x.intent().name()));
        number(g, "confidence", x.confidence());
        g.writeStringProperty("target", x.target());
        g.writeStringProperty("about", lower(x.about().name()));
        evidence(g, x.evidence());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("events");
      for (EventSignal x : r.events()) {
        g.writeStartObject();
        g.writeStringProperty("event", lower(x.event().name()));
        g.writeStringProperty("timing", lower(x.timing().name()));
        number(g, "confidence", x.confidence());
        g.writeStringProperty("subject", x.subject());
        evidence(g, x.evidence());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("topics");
      for (TopicSignal x : r.topics()) {
        g.writeStartObject();
        g.writeStringProperty("topic", x.topic());
        number(g, "weight", x.weight());
        evidence(g, x.evidence());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  static void error(StringBuilder out, long line, String idJson, String message) {
    try (JsonGenerator g = JSON.createGenerator(new Into(out))) {
      g.writeStartObject();
      head(g, line, idJson);
      g.writeStringProperty("error", message);
      g.writeEndObject();
    }
  }

  /** A JSON string literal for {@code s}, escaped as the output is. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    try (JsonGenerator g = JSON.createGenerator(new Into(out))) {
      g.writeString(s);
    }
    return out.toString();
  }

  /** The line number and the post's id, which arrives as JSON already (a string or a number). */
  private static void head(JsonGenerator g, long line, String idJson) {
    g.writeNumberProperty("line", line);
    if (idJson != null) {
      g.writeName("id");
      g.writeRawValue(idJson);
    }
  }

  private static void evidence(JsonGenerator g, List<Evidence> evidence) {
    g.writeArrayPropertyStart("evidence");
    for (Evidence e : evidence) {
      g.writeStartObject();
      g.writeNumberProperty("start", e.start());
      g.writeNumberProperty("end", e.end());
      g.writeStringProperty("text", e.text());
      g.writeStringProperty("cue", e.cue());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, String name, double v) {
    g.writeName(name);
    g.writeNumber(String.format(Locale.ROOT, "%.3f", v));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** JSON's standard escapes, plus every surrogate and U+2028/U+2029 as a Unicode escape. */
  private static final class SafeEscapes extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      if (Character.isSurrogate((char) c) || c == 0x2028 || c == 0x2029) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", c));
      }
      return null;
    }
  }

  /** Appends to the caller's builder; closing it does nothing. */
  private static final class Into extends Writer {
    private final StringBuilder out;

    Into(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      out.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      out.append(s, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
