package dev.rapport.listening.internal;

import dev.rapport.engine.match.Match;
import dev.rapport.engine.match.Matcher;
import dev.rapport.engine.match.Post;
import dev.rapport.engine.match.Span;
import dev.rapport.engine.rules.ParseError;
import dev.rapport.engine.rules.ParseResult;
import dev.rapport.engine.rules.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tries a rule before it is saved: parses it and runs it, alone in a matcher of its own, over the
 * most recent stored mentions. Posts that matched no rule are not stored, so the sample is the
 * recent mentions only.
 */
@Component
class RuleTester {

  static final int DEFAULT_LIMIT = 200;
  static final int MAX_LIMIT = 1000;

  /** What a test found: the rule as the engine reads it and the posts it matched. */
  record TestResult(
      String canonical, List<String> warnings, int scanned, List<TestedPost> matches) {}

  /** A post the rule matched, with its spans and its text cut into plain and marked segments. */
  record TestedPost(
      long mentionId,
      String network,
      String authorHandle,
      String url,
      Instant createdAt,
      String text,
      List<Highlight> spans,
      List<Segment> segments) {}

  /** Characters [start, end) of the text that made the rule match. */
  record Highlight(int start, int end) {}

  /** A run of the post's text, marked when it is part of a match. */
  record Segment(String text, boolean marked) {}

  private final MentionStore mentions;
  private final MentionScope scope;

  RuleTester(MentionStore mentions, MentionScope scope) {
    this.mentions = mentions;
    this.scope = scope;
  }

  TestResult test(String field, String query, Integer limit) {
    String text = query == null ? "" : query;
    ParseResult parsed = EngineClassifier.parse(text);
    if (parsed instanceof ParseError error) {
      throw new RuleQueryRefused(List.of(), field, EngineClassifier.toQuery(text), error);
    }
    Rule rule = (Rule) parsed;
    Matcher matcher = new Matcher();
    matcher.put("test", rule);
    int n = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
    List<MentionStore.Mention> recent = mentions.recent(scope.current(), n);
    List<TestedPost> matched = new ArrayList<>();
    for (MentionStore.Mention m : recent) {
      String body = m.text() == null ? "" : m.text();
      List<Match> found =
          matcher.match(new Post(body, m.authorHandle(), m.network(), m.language(), m.url(), null));
      if (!found.isEmpty()) {
        List<Highlight> spans = spans(found, body.length());
        matched.add(
            new TestedPost(
                m.id(),
                m.network(),
                m.authorHandle(),
                m.url(),
                m.createdAt(),
                body,
                spans,
                segments(body, spans)));
      }
    }
    return new TestResult(
        rule.canonical(), EngineClassifier.warnings(text), recent.size(), matched);
  }

  /** The text spans of the matches, sorted, clamped to the text and with overlaps merged. */
  static List<Highlight> spans(List<Match> matches, int length) {
    List<Highlight> raw = new ArrayList<>();
    for (Match match : matches) {
      for (Span s : match.spans()) {
        int start = Math.max(0, Math.min(s.start(), length));
        int end = Math.max(start, Math.min(s.end(), length));
        if (!s.inTitle() && end > start) {
          raw.add(new Highlight(start, end));
        }
      }
    }
    raw.sort(Comparator.comparingInt(Highlight::start).thenComparingInt(Highlight::end));
    List<Highlight> merged = new ArrayList<>();
    for (Highlight h : raw) {
      Highlight last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && h.start() <= last.end()) {
        merged.set(merged.size() - 1, new Highlight(last.start(), Math.max(last.end(), h.end())));
      } else {
        merged.add(h);
      }
    }
    return merged;
  }

  /** The text cut at the spans' edges; joined again the segments give the text back. */
  static List<Segment> segments(String text, List<Highlight> spans) {
    List<Segment> out = new ArrayList<>();
    int at = 0;
    for (Highlight h : spans) {
      if (h.start() > at) {
        out.add(new Segment(text.substring(at, h.start()), false));
      }
      out.add(new Segment(text.substring(h.start(), h.end()), true));
      at = h.end();
    }
    if (at < text.length()) {
      out.add(new Segment(text.substring(at), false));
    }
    return out;
  }
}
