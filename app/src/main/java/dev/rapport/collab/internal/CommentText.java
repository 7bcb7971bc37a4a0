package dev.rapport.collab.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.TextChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment's text: checked on the way in (not blank, at most {@link #MAX} characters, no control
 * characters), and cut on the way out into plain parts, web links and @mentions, which the page
 * renders as text nodes and link elements of its own. The text is never rendered as HTML.
 */
public final class CommentText {

  /** The longest comment, in characters; a longer one is refused with a message saying so. */
  public static final int MAX = 5000;

  /** A web address, up to whitespace or a character that cannot start a URL's continuation. */
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");

  /** A mention: at-sign and a user name as access spells them, not inside a word or an email. */
  private static final Pattern MENTION =
      Pattern.compile("(?<![\\w@.])@([a-zA-Z0-9][a-zA-Z0-9._-]{1,59})");

  /** Trailing characters that end a sentence rather than a URL. */
  private static final String TRAILING = ".,;:!?)]}'\"";

  private CommentText() {}

  /** The comment as stored (stripped), or a refusal naming the field. */
  public static String check(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      throw InvalidInputException.of(field, "is empty; write a comment");
    }
    String text = raw.strip();
    String refusal = TextChecks.refusal(text);
    if (refusal != null) {
      throw InvalidInputException.of(field, refusal);
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX) {
      throw InvalidInputException.of(
          field,
          "is "
              + length
              + " characters long; a comment may have at most "
              + MAX
              + " (split it, or attach the long text elsewhere and link it)");
    }
    return text.replace("\r\n", "\n");
  }

  /** The user names the text mentions, lower case, in order, each once. */
  public static Set<String> mentions(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null) {
      return out;
    }
    for (Part p : parts(text, u -> true)) {
      if (p.kind() == Part.Kind.MENTION) {
        out.add(p.username());
      }
    }
    return out;
  }

  /**
   * The text cut into parts: plain text, http(s) links (only those a URI parser accepts, with a
   * host), and @mentions of names that {@code known} accepts (an unknown @name stays plain text).
   * Joined, the parts' texts give the text back.
   */
  public static List<Part> parts(String text, Predicate<String> known) {
    List<Part> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    List<Part> found = new ArrayList<>();
    Matcher url = URL.matcher(text);
    while (url.find()) {
      String candidate = trimTrailing(url.group());
      String href = webHref(candidate);
      if (href != null) {
        found.add(new Part(Part.Kind.LINK, candidate, href, null, url.start()));
      }
    }
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      String name = trimTrailing(m.group(1));
      if (name.length() < 2 || insideAny(found, m.start())) {
        continue;
      }
      String username = name.toLowerCase(Locale.ROOT);
      if (known.test(username)) {
        found.add(new Part(Part.Kind.MENTION, "@" + name, null, username, m.start()));
      }
    }
    found.sort(java.util.Comparator.comparingInt(Part::start));
    int at = 0;
    for (Part p : found) {
      if (p.start() < at) {
        continue;
      }
      if (p.start() > at) {
        out.add(Part.text(text.substring(at, p.start()), at));
      }
      out.add(p);
      at = p.start() + p.text().length();
    }
    if (at < text.length()) {
      out.add(Part.text(text.substring(at), at));
    }
    return out;
  }

  private static boolean insideAny(List<Part> parts, int index) {
    return parts.stream()
        .anyMatch(p -> index >= p.start() && index < p.start() + p.text().length());
  }

  private static String trimTrailing(String s) {
    int end = s.length();
    while (end > 0 && TRAILING.indexOf(s.charAt(end - 1)) >= 0) {
      // keep a closing parenthesis that closes one opened inside the URL (Wikipedia links)
      if (s.charAt(end - 1) == ')' && count(s, '(', end) > count(s, ')', end - 1)) {
        break;
      }
      end--;
    }
    return s.substring(0, end);
  }

  private static int count(String s, char c, int end) {
    int n = 0;
    for (int i = 0; i < end; i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** The link's address when it is a well-formed http(s) URL with a host; otherwise null. */
  static String webHref(String candidate) {
    try {
      URI uri = new URI(candidate);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return null;
      }
      return uri.toASCIIString();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** One run of a comment: plain text, a link (with its address) or a mention (with the user). */
  public record Part(Kind kind, String text, String href, String username, int start) {

    /** What a part is. */
    public enum Kind {
      TEXT,
      LINK,
      MENTION
    }

    static Part text(String text, int start) {
      return new Part(Kind.TEXT, text, null, null, start);
    }

    public boolean isLink() {
      return kind == Kind.LINK;
    }

    public boolean isMention() {
      return kind == Kind.MENTION;
    }
  }
}
