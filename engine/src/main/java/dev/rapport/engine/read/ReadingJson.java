package dev.rapport.engine.read;

import java.util.List;
import java.util.Locale;

/** Writes a {@link Reading} as one JSON object, the command-line entry's output format. */
final class ReadingJson {

  private ReadingJson() {}

  static void write(StringBuilder out, long line, String idJson, Reading r) {
    out.append("{\"line\":").append(line);
    if (idJson != null) {
      out.append(",\"id\":").append(idJson);
    }
    out.append(",\"language\":");
    Json.quote(out, r.language());
    out.append(",\"supported\":").append(r.isSupported());
    if (!r.isSupported()) {
      out.append(",\"note\":");
      Json.quote(out, r.note());
      out.append('}');
      return;
    }
    Sentiment s = r.sentiment().orElseThrow();
    out.append(",\"sentiment\":{\"score\":").append(number(s.score())).append(",\"label\":");
    Json.quote(out, lower(s.label().name()));
    evidence(out, s.evidence());
    out.append("},\"intents\":[");
    for (int i = 0; i < r.intents().size(); i++) {
      IntentSignal x = r.intents().get(i);
      out.append(i == 0 ? "{" : ",{").append("\"intent\":");
      Json.quote(out, lower(x.intent().name()));
      out.append(",\"confidence\":").append(number(x.confidence())).append(",\"target\":");
      Json.quote(out, x.target());
      out.append(",\"about\":");
      Json.quote(out, lower(x.about().name()));
      evidence(out, x.evidence());
      out.append('}');
    }
    out.append("],\"events\":[");
    for (int i = 0; i < r.events().size(); i++) {
      EventSignal x = r.events().get(i);
      out.append(i == 0 ? "{" : ",{").append("\"event\":");
      Json.quote(out, lower(x.event().name()));
      out.append(",\"timing\":");
      Json.quote(out, lower(x.timing().name()));
      out.append(",\"confidence\":").append(number(x.confidence())).append(",\"subject\":");
      Json.quote(out, x.subject());
      evidence(out, x.evidence());
      out.append('}');
    }
    out.append("],\"topics\":[");
    for (int i = 0; i < r.topics().size(); i++) {
      TopicSignal x = r.topics().get(i);
      out.append(i == 0 ? "{" : ",{").append("\"topic\":");
      Json.quote(out, x.topic());
      out.append(",\"weight\":").append(number(x.weight()));
      evidence(out, x.evidence());
      out.append('}');
    }
    out.append("]}");
  }

  static void error(StringBuilder out, long line, String idJson, String message) {
    out.append("{\"line\":").append(line);
    if (idJson != null) {
      out.append(",\"id\":").append(idJson);
    }
    out.append(",\"error\":");
    Json.quote(out, message);
    out.append('}');
  }

  private static void evidence(StringBuilder out, List<Evidence> evidence) {
    out.append(",\"evidence\":[");
    for (int i = 0; i < evidence.size(); i++) {
      Evidence e = evidence.get(i);
      out.append(i == 0 ? "{" : ",{")
          .append("\"start\":")
          .append(e.start())
          .append(",\"end\":")
          .append(e.end())
          .append(",\"text\":");
      Json.quote(out, e.text());
      out.append(",\"cue\":");
      Json.quote(out, e.cue());
      out.append('}');
    }
    out.append(']');
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
