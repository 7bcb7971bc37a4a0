package dev.rapport.advocacy.internal;

import dev.rapport.shared.InvalidInputException.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks on URLs and tags that come from outside: landing pages (absolute http or https, a
 * host, no user info), tracking links (the same, plus utm_source, utm_medium and utm_campaign) and
 * brand tags (one word of letters, digits and underscores). Each check returns the refusals, each
 * naming its field.
 */
final class TrackingUrls {

  static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign");
  private static final Pattern TAG = Pattern.compile("#?[\\p{L}\\p{N}_]{1,100}");
  private static final Pattern UTM_CAMPAIGN_IN_TEXT =
      Pattern.compile("[?&]utm_campaign=([^&#\\s\"'<>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG_IN_TEXT = Pattern.compile("#([\\p{L}\\p{N}_]{1,100})");

  private TrackingUrls() {}

  /** Refusals of a landing URL (empty when acceptable). */
  static List<FieldError> checkLanding(String field, String url) {
    List<FieldError> errors = new ArrayList<>();
    parse(field, url, errors);
    return errors;
  }

  /** A tracking link's UTM parameters, or the refusals. */
  static Map<String, String> checkTracking(String field, String url, List<FieldError> errors) {
    Optional<URI> uri = parse(field, url, errors);
    if (uri.isEmpty()) {
      return Map.of();
    }
    Map<String, String> query = query(uri.get().getRawQuery());
    List<String> missing = UTM.stream().filter(k -> query.getOrDefault(k, "").isBlank()).toList();
    if (missing.size() == UTM.size()) {
      errors.add(
          new FieldError(
              field,
              "the link has no UTM parameters; add utm_source, utm_medium and utm_campaign"
                  + " (for example ?utm_source=newsletter&utm_medium=email&utm_campaign=spring)"));
    } else if (!missing.isEmpty()) {
      errors.add(
          new FieldError(field, "the link lacks " + String.join(" and ", missing) + "; add it"));
    } else {
      for (String k : UTM) {
        if (query.get(k).length() > 200) {
          errors.add(new FieldError(field, k + " is longer than 200 characters"));
        }
      }
    }
    Map<String, String> utm = new LinkedHashMap<>();
    UTM.forEach(k -> utm.put(k, query.getOrDefault(k, "")));
    return utm;
  }

  private static Optional<URI> parse(String field, String url, List<FieldError> errors) {
    if (url == null || url.isBlank()) {
      errors.add(new FieldError(field, "is required (an http or https URL)"));
      return Optional.empty();
    }
    if (url.length() > 2000) {
      errors.add(new FieldError(field, "is longer than 2000 characters"));
      return Optional.empty();
    }
    if (url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      errors.add(new FieldError(field, "contains spaces or control characters"));
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      errors.add(new FieldError(field, "is not a URL: " + e.getReason()));
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      errors.add(new FieldError(field, "must start with http:// or https://"));
      return Optional.empty();
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      errors.add(new FieldError(field, "needs a host name"));
      return Optional.empty();
    }
    if (uri.getRawUserInfo() != null) {
      errors.add(new FieldError(field, "must not carry a user name or password"));
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /**
   * A brand tag in its stored form (lower case, without the #), or a refusal naming the field: a
   * tag is one word; spaces, emoji and punctuation are refused.
   */
  static Optional<String> tag(String field, String raw, List<FieldError> errors) {
    String t = raw == null ? "" : raw.strip();
    if (t.isEmpty() || t.equals("#")) {
      errors.add(new FieldError(field, "is empty; a tag is a word like #summersale"));
      return Optional.empty();
    }
    if (!TAG.matcher(t).matches()) {
      String why;
      if (t.codePoints().anyMatch(Character::isWhitespace)) {
        why = "'" + t + "' contains a space; a tag is one word (like #summersale)";
      } else if (t.codePoints().anyMatch(TrackingUrls::isSymbol)) {
        why = "'" + t + "' contains an emoji or symbol; use letters, digits and _ only";
      } else if (t.length() > 101) {
        why = "is longer than 100 characters";
      } else {
        why = "'" + t + "' may hold only letters, digits and _ after an optional #";
      }
      errors.add(new FieldError(field, why));
      return Optional.empty();
    }
    return Optional.of((t.startsWith("#") ? t.substring(1) : t).toLowerCase(Locale.ROOT));
  }

  private static boolean isSymbol(int cp) {
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL
        || type == Character.SURROGATE
        || type == Character.MATH_SYMBOL
        || (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || cp == 0xFE0F;
  }

  /** The utm_campaign values of the links in a text, lower case. */
  static List<String> utmCampaigns(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = UTM_CAMPAIGN_IN_TEXT.matcher(text);
    while (m.find()) {
      String v = decode(m.group(1)).toLowerCase(Locale.ROOT);
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  /** The hashtags of a text, lower case without the #. */
  static List<String> tags(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = TAG_IN_TEXT.matcher(text);
    while (m.find()) {
      String v = m.group(1).toLowerCase(Locale.ROOT);
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }
}
