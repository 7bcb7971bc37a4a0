package dev.rapport.sales.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * A message's readable text, made safe for the timeline: the plain-text part when there is one,
 * otherwise the HTML part reduced to its text (tags, scripts and styles dropped; the result is only
 * ever shown as text), quoted replies and signatures cut, whitespace folded, at most {@link
 * #EXCERPT} characters. Attachments are never read.
 */
final class MailText {

  /** The longest excerpt kept. */
  static final int EXCERPT = 500;

  /** The most bytes of one part read; longer parts are cut (an excerpt needs the start). */
  private static final int MAX_PART_BYTES = 256 * 1024;

  private MailText() {}

  /** The excerpt of a message or part; empty when it has no text. */
  static String excerpt(Part message) throws MessagingException, IOException {
    String plain = find(message, "text/plain", 0);
    String text = plain != null ? plain : htmlToText(find(message, "text/html", 0));
    return clip(trimQuoted(text == null ? "" : text));
  }

  private static String find(Part part, String type, int depth)
      throws MessagingException, IOException {
    if (depth > 10) {
      return null;
    }
    String disposition = part.getDisposition();
    if (disposition != null && disposition.equalsIgnoreCase(Part.ATTACHMENT)) {
      return null;
    }
    if (part.isMimeType(type)) {
      return read(part);
    }
    if (part.isMimeType("multipart/*")) {
      Object content = part.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart child = mp.getBodyPart(i);
          String found = find(child, type, depth + 1);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static String read(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String s) {
      return s.length() > MAX_PART_BYTES ? s.substring(0, MAX_PART_BYTES) : s;
    }
    if (content instanceof InputStream in) {
      try (in) {
        return new String(in.readNBytes(MAX_PART_BYTES), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** HTML reduced to its visible text; scripts, styles and every tag are dropped. */
  static String htmlToText(String html) {
    if (html == null) {
      return null;
    }
    var doc = Jsoup.parse(html);
    doc.select("script, style, head, template, noscript").remove();
    doc.select("blockquote").remove();
    return doc.body() == null ? doc.text() : doc.body().text();
  }

  /**
   * The new part of a reply: lines quoted with "&gt;", everything from an "On … wrote:" line or an
   * "-----Original Message-----" on, and a "-- " signature are cut.
   */
  static String trimQuoted(String text) {
    List<String> kept = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
      String l = line.strip();
      if (l.equals("--") && line.startsWith("-- ")
          || l.startsWith("-----Original Message-----")
          || l.matches("(?i)^(on|am|le) .{0,200}(wrote|schrieb|a écrit) ?:$")) {
        break;
      }
      if (l.startsWith(">")) {
        continue;
      }
      kept.add(l);
    }
    return String.join(" ", kept);
  }

  /** Whitespace and control characters folded, cut at {@link #EXCERPT} characters with "…". */
  static String clip(String text) {
    String s = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").replaceAll("\\s+", " ").strip();
    return s.length() > EXCERPT ? s.substring(0, EXCERPT - 1).strip() + "…" : s;
  }
}
