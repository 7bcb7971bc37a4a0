package dev.rapport.listening.internal;

import dev.rapport.listening.NormalizedPost;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules every normalised post must pass before it is classified, whichever source it came from;
 * each refusal names the field and what is wrong with it.
 */
final class PostValidator {

  static final int MAX_TEXT = 20_000;
  private static final Pattern NETWORK = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,29}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");
  private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]{0,29}");
  private static final Duration MAX_FUTURE = Duration.ofDays(1);

  private final int rawMaxChars;

  PostValidator(int rawMaxChars) {
    this.rawMaxChars = rawMaxChars;
  }

  /** Refusals for the post, with field names prefixed by {@code where}; empty when it is valid. */
  List<FieldError> check(NormalizedPost post, String where, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String p = where.isEmpty() ? "" : where + ".";
    if (!NETWORK.matcher(post.network()).matches()) {
      errors.add(
          new FieldError(p + "network", "must be 1-30 lower-case letters, digits, '_', '.', '-'"));
    }
    text(errors, p + "id", post.nativeId(), 1, 300);
    text(errors, p + "author.handle", post.author().handle(), 1, 300);
    optionalText(errors, p + "author.displayName", post.author().displayName(), 300);
    optionalUrl(errors, p + "author.profileUrl", post.author().profileUrl());
    if (post.text().isBlank() && post.repostOf() == null) {
      errors.add(new FieldError(p + "text", "must not be blank (unless the post is a repost)"));
    }
    text(errors, p + "text", post.text(), 0, MAX_TEXT);
    optionalUrl(errors, p + "url", post.url());
    if (post.createdAt().isAfter(now.plus(MAX_FUTURE))) {
      errors.add(new FieldError(p + "createdAt", "is more than a day in the future"));
    }
    if (post.language() != null && !LANGUAGE.matcher(post.language()).matches()) {
      errors.add(new FieldError(p + "language", "must be a language tag such as en or pt-BR"));
    }
    optionalText(errors, p + "replyTo", post.replyTo(), 300);
    optionalText(errors, p + "quoteOf", post.quoteOf(), 300);
    optionalText(errors, p + "repostOf", post.repostOf(), 300);
    if (post.metrics().size() > 20) {
      errors.add(new FieldError(p + "metrics", "at most 20 metrics"));
    }
    for (Map.Entry<String, Long> m : post.metrics().entrySet()) {
      if (!METRIC.matcher(m.getKey()).matches()) {
        errors.add(new FieldError(p + "metrics." + excerpt(m.getKey(), 40), "bad metric name"));
      } else if (m.getValue() == null || m.getValue() < 0) {
        errors.add(new FieldError(p + "metrics." + m.getKey(), "must be a whole number >= 0"));
      }
    }
    return errors;
  }

  /** The post with its raw payload cut to the configured size. */
  NormalizedPost bounded(NormalizedPost post) {
    String raw = post.rawPayload();
    if (raw == null || raw.length() <= rawMaxChars) {
      return post;
    }
    int end = rawMaxChars;
    if (Character.isHighSurrogate(raw.charAt(end - 1))) {
      end--;
    }
    return post.withRawPayload(raw.substring(0, end));
  }

  private static void text(List<FieldError> errors, String field, String value, int min, int max) {
    if (value.length() < min) {
      errors.add(new FieldError(field, "must not be empty"));
      return;
    }
    if (value.length() > max) {
      errors.add(new FieldError(field, "is longer than " + max + " characters"));
      return;
    }
    int bad = controlCharacterAt(value);
    if (bad >= 0) {
      errors.add(
          new FieldError(
              field,
              String.format(
                  "contains the control character U+%04X at offset %d",
                  (int) value.charAt(bad), bad)));
    }
  }

  private static void optionalText(List<FieldError> errors, String field, String v, int max) {
    if (v != null) {
      text(errors, field, v, 1, max);
    }
  }

  private static void optionalUrl(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return;
    }
    if (value.length() > 2000) {
      errors.add(new FieldError(field, "is longer than 2000 characters"));
      return;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        errors.add(new FieldError(field, "must be an absolute http or https URL"));
      }
    } catch (Exception e) {
      errors.add(new FieldError(field, "is not a valid URL"));
    }
  }

  /** Index of the first control character other than tab, line feed and carriage return. */
  static int controlCharacterAt(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0)) {
        return i;
      }
    }
    return -1;
  }

  /** A short, printable excerpt for dead letters and messages: control characters escaped. */
  static String excerpt(String s, int max) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 16);
    for (int i = 0; i < s.length() && out.length() < max; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() >= max && s.length() > max) {
      out.setLength(max);
      out.append('…');
    }
    return out.toString();
  }
}
