package dev.rapport.listening.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed's bytes the way the RFCs order the evidence: a byte-order mark first, then the
 * charset of the HTTP Content-Type (it wins over the XML prolog, RFC 7303 §3.2), then the prolog,
 * then UTF-8. Latin-1 and ASCII labels decode as windows-1252, as browsers do, so that curly quotes
 * written as 0x92 survive; bytes that are not valid in the chosen charset are read as windows-1252
 * instead of becoming U+FFFD, and the note says so.
 */
final class FeedCharset {
  private FeedCharset() {}

  /** The text, the charset it was read with and, when the bytes were not what they claimed, why. */
  record Decoded(String text, String charset, String note) {}

  private static final Pattern CHARSET_PARAM =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");
  private static final Pattern PROLOG_ENCODING =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static Decoded decode(byte[] bytes, String contentType) {
    Bom bom = Bom.of(bytes);
    if (bom != null) {
      return strict(bytes, bom.length, bom.charset, null)
          .orElse(lenient(bytes, bom.length, bom.charset, "the bytes after the byte-order mark"));
    }
    String http = httpCharset(contentType);
    Charset declared = http != null ? known(http) : null;
    String from = "the HTTP Content-Type";
    if (declared == null) {
      String prolog = prologEncoding(bytes);
      declared = prolog != null ? known(prolog) : null;
      from = "the XML declaration";
      if (declared == null && prolog != null) {
        return fallback(bytes, "unknown encoding '" + prolog + "' in the XML declaration");
      }
    }
    if (declared == null && http != null) {
      return fallback(bytes, "unknown charset '" + http + "' in the Content-Type");
    }
    if (declared == null) {
      return strict(bytes, 0, StandardCharsets.UTF_8, null)
          .orElseGet(() -> fallback(bytes, "no encoding declared and the bytes are not UTF-8"));
    }
    Charset use = widen(declared);
    String why = from;
    return strict(bytes, 0, use, null)
        .orElseGet(
            () ->
                fallback(bytes, "the bytes are not valid " + use.name() + " as " + why + " says"));
  }

  /** Latin-1 and ASCII as browsers read them: windows-1252 is a superset of both. */
  private static Charset widen(Charset c) {
    String name = c.name();
    return name.equals("ISO-8859-1") || name.equals("US-ASCII") ? WINDOWS_1252 : c;
  }

  private static Decoded fallback(byte[] bytes, String why) {
    Decoded utf8 = strict(bytes, 0, StandardCharsets.UTF_8, null).orElse(null);
    if (utf8 != null) {
      return new Decoded(utf8.text(), "UTF-8", why + "; read as UTF-8");
    }
    return lenient(bytes, 0, WINDOWS_1252, why + "; read as windows-1252");
  }

  private static java.util.Optional<Decoded> strict(
      byte[] bytes, int offset, Charset charset, String note) {
    try {
      String text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString();
      return java.util.Optional.of(new Decoded(text, charset.name(), note));
    } catch (CharacterCodingException e) {
      return java.util.Optional.empty();
    }
  }

  private static Decoded lenient(byte[] bytes, int offset, Charset charset, String note) {
    return new Decoded(
        new String(bytes, offset, bytes.length - offset, charset), charset.name(), note);
  }

  static String httpCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET_PARAM.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  /** The encoding named in the XML declaration, read from ASCII-compatible or UTF-16 bytes. */
  static String prologEncoding(byte[] bytes) {
    int n = Math.min(bytes.length, 200);
    String head;
    if (n >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == '<') {
      return "UTF-32BE";
    } else if (n >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0) {
      return "UTF-32LE";
    } else if (n >= 4 && bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0 && bytes[3] == '?') {
      head = new String(bytes, 0, n, StandardCharsets.UTF_16BE);
    } else if (n >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] == '?' && bytes[3] == 0) {
      head = new String(bytes, 0, n, StandardCharsets.UTF_16LE);
    } else {
      head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }
    Matcher m = PROLOG_ENCODING.matcher(head.stripLeading());
    if (m.find()) {
      return m.group(1);
    }
    if (head.startsWith("<\u0000") || head.startsWith("\u0000<")) {
      return null;
    }
    return bytes.length >= 2 && bytes[0] == 0 && bytes[1] == '<'
        ? "UTF-16BE"
        : bytes.length >= 2 && bytes[0] == '<' && bytes[1] == 0 ? "UTF-16LE" : null;
  }

  private static Charset known(String name) {
    try {
      return Charset.forName(name.strip().toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private record Bom(int length, Charset charset) {
    static Bom of(byte[] b) {
      if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
        return new Bom(4, Charset.forName("UTF-32BE"));
      }
      if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
        return new Bom(4, Charset.forName("UTF-32LE"));
      }
      if (starts(b, 0xEF, 0xBB, 0xBF)) {
        return new Bom(3, StandardCharsets.UTF_8);
      }
      if (starts(b, 0xFE, 0xFF)) {
        return new Bom(2, StandardCharsets.UTF_16BE);
      }
      if (starts(b, 0xFF, 0xFE)) {
        return new Bom(2, StandardCharsets.UTF_16LE);
      }
      return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
      if (b.length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if ((b[i] & 0xFF) != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
