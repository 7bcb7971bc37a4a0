package dev.rapport.listening.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A stored post read for people: its readings and rules as chips that say why, and its text cut
 * into plain segments with the evidence and the rules' matched terms marked. The text is only ever
 * cut, never parsed as markup, so the page renders every segment with {@code th:text}.
 */
final class PostReadings {

  /** A labelled reading or rule: tone is the chip's colour, why is its tooltip. */
  record Chip(String kind, String tone, String label, String value, String why) {}

  /** A run of the post's text; {@code marks} is null for plain text, else the CSS classes. */
  record Segment(String text, String marks, String title) {}

  /** A piece of evidence for the mention page's list: what it supports, the words, the cue. */
  record Proof(String reading, String text, String cue) {}

  /** A rule the post matched, by name, with the words of the post that matched it. */
  record RuleRef(String id, String name, List<String> terms) {}

  /** Everything a post card shows. */
  record Read(
      List<Chip> chips,
      List<Segment> segments,
      List<Proof> proofs,
      List<RuleRef> rules,
      List<String> topics,
      String sentiment,
      String note) {}

  private record Mark(int start, int end, String cls, String title) {}

  private PostReadings() {}

  static Read read(String text, JsonNode readings, JsonNode spans, List<RuleRef> rules) {
    String body = text == null ? "" : text;
    List<Chip> chips = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    List<Proof> proofs = new ArrayList<>();
    String sentiment = null;
    JsonNode s = readings.path("sentiment");
    if (s.isObject()) {
      sentiment = s.path("label").asString("neutral");
      double score = s.path("score").asDouble(0);
      String label = capital(sentiment);
      // the evidence rows say "Sentiment": a positive word in a post read as neutral overall is
      // evidence of sentiment, not of "Neutral"
      List<String> words = evidence(s, label, "Sentiment", marks, proofs, body);
      chips.add(
          new Chip(
              "sentiment",
              sentiment,
              label,
              signed(score),
              "Sentiment "
                  + sentiment
                  + ", score "
                  + signed(score)
                  + " on -1..+1"
                  + because(words)));
    }
    for (JsonNode i : readings.path("intents")) {
      String name = words(i.path("intent").asString("")) + " intent";
      String about = i.path("about").asString("").toLowerCase(Locale.ROOT);
      String target = i.path("target").asString("");
      String tone = "COMPLAINT".equals(i.path("intent").asString("")) ? "caution" : "trigger";
      List<String> words = evidence(i, name, marks, proofs, body);
      chips.add(
          new Chip(
              "intent",
              tone,
              name,
              confidence(i),
              name
                  + ", confidence "
                  + confidence(i)
                  + (target.isBlank() ? "" : ", about " + target + " (" + about + ")")
                  + because(words)));
    }
    for (JsonNode e : readings.path("events")) {
      String name = words(e.path("event").asString(""));
      String timing = e.path("timing").asString("TRIGGER").toLowerCase(Locale.ROOT);
      List<String> words = evidence(e, name, marks, proofs, body);
      chips.add(
          new Chip(
              "event",
              timing,
              name + " · " + timing,
              confidence(e),
              "Life event "
                  + name.toLowerCase(Locale.ROOT)
                  + ", a "
                  + timing
                  + " ("
                  + (timing.equals("caution") ? "hold back outreach" : "a reason to reach out")
                  + "), confidence "
                  + confidence(e)
                  + ", subject "
                  + e.path("subject").asString("?")
                  + because(words)));
    }
    Map<String, RuleRef> byId = new java.util.LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    for (JsonNode sp : spans) {
      RuleRef r = byId.get(sp.path("rule").asString(""));
      String title = r == null ? "rule" : "Rule: " + r.name();
      marks.add(new Mark(sp.path("start").asInt(-1), sp.path("end").asInt(-1), "hl-rule", title));
    }
    for (RuleRef r : rules) {
      chips.add(
          new Chip(
              "rule",
              "rule",
              r.name(),
              null,
              "Rule '"
                  + r.name()
                  + "' matched"
                  + (r.terms().isEmpty() ? "" : ": " + quoted(r.terms()))));
    }
    List<String> topics = new ArrayList<>();
    for (JsonNode t : readings.path("topics")) {
      topics.add(t.path("topic").asString(""));
    }
    String note =
        readings.path("supported").asBoolean(true) ? null : readings.path("note").asString(null);
    return new Read(chips, segments(body, marks), proofs, rules, topics, sentiment, note);
  }

  /** The words of the post a rule's spans cover, distinct, in order. */
  static List<String> terms(String text, JsonNode spans, String ruleId) {
    String body = text == null ? "" : text;
    List<String> out = new ArrayList<>();
    for (JsonNode sp : spans) {
      if (ruleId.equals(sp.path("rule").asString(""))) {
        int start = sp.path("start").asInt(-1);
        int end = sp.path("end").asInt(-1);
        if (start >= 0 && end > start && end <= body.length()) {
          String t = body.substring(start, end);
          if (!out.contains(t)) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }

  private static List<String> evidence(
      JsonNode reading, String label, List<Mark> marks, List<Proof> proofs, String body) {
    return evidence(reading, label, label, marks, proofs, body);
  }

  private static List<String> evidence(
      JsonNode reading,
      String label,
      String proofLabel,
      List<Mark> marks,
      List<Proof> proofs,
      String body) {
    List<String> words = new ArrayList<>();
    for (JsonNode ev : reading.path("evidence")) {
      int start = ev.path("start").asInt(-1);
      int end = ev.path("end").asInt(-1);
      String text = ev.path("text").asString("");
      if (start >= 0 && end > start && end <= body.length()) {
        marks.add(new Mark(start, end, "hl-evidence", label));
        text = body.substring(start, end);
      }
      if (!text.isBlank() && !words.contains(text)) {
        words.add(text);
      }
      proofs.add(new Proof(proofLabel, text, ev.path("cue").asString("")));
    }
    return words;
  }

  /**
   * The text cut at every mark's edge; each piece carries the classes and titles of the marks over
   * it. Marks outside the text or splitting a surrogate pair are clamped or dropped.
   */
  static List<Segment> segments(String text, List<Mark> marks) {
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
    List<Mark> valid = new ArrayList<>();
    for (Mark m : marks) {
      int start = safe(text, Math.max(0, Math.min(m.start(), text.length())));
      int end = safe(text, Math.max(start, Math.min(m.end(), text.length())));
      if (end > start) {
        valid.add(new Mark(start, end, m.cls(), m.title()));
        cuts.add(start);
        cuts.add(end);
      }
    }
    valid.sort(Comparator.comparingInt(Mark::start));
    List<Segment> out = new ArrayList<>();
    Integer prev = null;
    for (int cut : cuts) {
      if (prev != null && cut > prev) {
        TreeSet<String> cls = new TreeSet<>();
        List<String> titles = new ArrayList<>();
        for (Mark m : valid) {
          if (m.start() <= prev && m.end() >= cut) {
            cls.add(m.cls());
            if (!titles.contains(m.title())) {
              titles.add(m.title());
            }
          }
        }
        String piece = text.substring(prev, cut);
        out.add(
            cls.isEmpty()
                ? new Segment(piece, null, null)
                : new Segment(piece, String.join(" ", cls), String.join("; ", titles)));
      }
      prev = cut;
    }
    return out;
  }

  private static int safe(String text, int at) {
    if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
      return at - 1;
    }
    return at;
  }

  private static String because(List<String> words) {
    return words.isEmpty() ? "" : "; evidence: " + quoted(words);
  }

  private static String quoted(List<String> words) {
    return String.join(", ", words.stream().map(w -> "“" + w + "”").toList());
  }

  private static String confidence(JsonNode n) {
    return String.format(Locale.ROOT, "%.2f", n.path("confidence").asDouble(0));
  }

  private static String signed(double score) {
    return String.format(Locale.ROOT, "%+.2f", score);
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** NEW_JOB → "New job". */
  static String words(String constant) {
    return capital(constant.toLowerCase(Locale.ROOT).replace('_', ' '));
  }
}
