package dev.rapport.listening.internal;

import dev.rapport.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the mentions list is narrowed to: a rule, network, language, sentiment, intent, life event,
 * post-date range and author (handle or name contains). Blank means "any". Built from request
 * parameters by {@link #parse}, which names every refused field.
 */
record MentionFilter(
    Long rule,
    String network,
    String language,
    String sentiment,
    String intent,
    String event,
    LocalDate from,
    LocalDate to,
    String author,
    Long person) {

  static final MentionFilter NONE =
      new MentionFilter(null, null, null, null, null, null, null, null, null, null);

  static final Set<String> SENTIMENTS = Set.of("positive", "neutral", "negative");
  static final List<String> INTENTS =
      List.of("buying", "switching", "complaint", "praise", "question");
  static final List<String> EVENTS =
      List.of(
          "new_job",
          "promotion",
          "funding",
          "hiring",
          "expansion",
          "budget_cut",
          "layoffs",
          "illness",
          "bereavement",
          "travel",
          "relocation",
          "wedding",
          "new_baby");
  static final List<String> PARAMS =
      List.of(
          "rule",
          "network",
          "language",
          "sentiment",
          "intent",
          "event",
          "from",
          "to",
          "author",
          "person");

  private static final Pattern WORD = Pattern.compile("[a-z0-9_.-]{1,35}");

  /** The filter from request parameters (unknown keys ignored); bad values refused by name. */
  static MentionFilter parse(Map<String, String> params) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    Long rule = id(params, "rule", errors);
    Long person = id(params, "person", errors);
    String network = word(params, "network", errors);
    String language = word(params, "language", errors);
    String sentiment = choice(params, "sentiment", List.copyOf(SENTIMENTS), errors);
    String intent = choice(params, "intent", INTENTS, errors);
    String event = choice(params, "event", EVENTS, errors);
    LocalDate from = date(params, "from", errors);
    LocalDate to = date(params, "to", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add(
          new InvalidInputException.FieldError("to", "must not be before from (" + from + ")"));
    }
    String author = blank(params.get("author")) ? null : params.get("author").strip();
    if (author != null && author.length() > 300) {
      errors.add(new InvalidInputException.FieldError("author", "at most 300 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new MentionFilter(
        rule, network, language, sentiment, intent, event, from, to, author, person);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The filter as query parameters, for links that keep it (paging, saved filters). */
  Map<String, String> params() {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "rule", rule);
    put(out, "network", network);
    put(out, "language", language);
    put(out, "sentiment", sentiment);
    put(out, "intent", intent);
    put(out, "event", event);
    put(out, "from", from);
    put(out, "to", to);
    put(out, "author", author);
    put(out, "person", person);
    return out;
  }

  /** The filter as a query string without the leading '?', values URL-encoded. */
  String query() {
    StringBuilder sb = new StringBuilder();
    params()
        .forEach(
            (k, v) -> {
              if (!sb.isEmpty()) {
                sb.append('&');
              }
              sb.append(k)
                  .append('=')
                  .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            });
    return sb.toString();
  }

  private static void put(Map<String, String> out, String key, Object value) {
    if (value != null) {
      out.put(key, value.toString());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Long id(
      Map<String, String> p, String field, List<InvalidInputException.FieldError> errors) {
    String v = p.get(field);
    if (blank(v)) {
      return null;
    }
    try {
      long id = Long.parseLong(v.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    errors.add(
        new InvalidInputException.FieldError(field, "must be a positive id, was '" + v + "'"));
    return null;
  }

  private static String word(
      Map<String, String> p, String field, List<InvalidInputException.FieldError> errors) {
    String v = p.get(field);
    if (blank(v)) {
      return null;
    }
    String w = v.strip().toLowerCase(Locale.ROOT);
    if (!WORD.matcher(w).matches()) {
      errors.add(
          new InvalidInputException.FieldError(
              field, "letters, digits, '.', '_' or '-' only (at most 35)"));
      return null;
    }
    return w;
  }

  private static String choice(
      Map<String, String> p,
      String field,
      List<String> allowed,
      List<InvalidInputException.FieldError> errors) {
    String v = p.get(field);
    if (blank(v)) {
      return null;
    }
    String w = v.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    if (!allowed.contains(w)) {
      errors.add(
          new InvalidInputException.FieldError(
              field,
              "unknown value '" + v + "'; expected one of " + allowed.stream().sorted().toList()));
      return null;
    }
    return w;
  }

  private static LocalDate date(
      Map<String, String> p, String field, List<InvalidInputException.FieldError> errors) {
    String v = p.get(field);
    if (blank(v)) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      errors.add(
          new InvalidInputException.FieldError(
              field, "must be a date like 2026-12-01, was '" + v + "'"));
      return null;
    }
  }
}
