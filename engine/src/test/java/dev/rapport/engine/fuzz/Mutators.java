package dev.rapport.engine.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of the kind a coverage-blind fuzzer does well: cut, repeat, splice, insert a token of
 * the input language, insert an awkward character. {@link #text} works on UTF-16 code units, so it
 * also makes lone surrogates and broken pairs; {@link #bytes} works on bytes, so it also makes
 * invalid UTF-8.
 */
public final class Mutators {

  /** Characters that break careless code: controls, invisibles, bidi, combining, astral. */
  public static final String[] AWKWARD = {
    "\u0000",
    "\u0007",
    "\u007F",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u0085",
    "\u00A0",
    "\u00AD",
    "\u200B",
    "\u200D",
    "\u2028",
    "\u202E",
    "\u2066",
    "\uFEFF",
    "\uFFFD",
    "\uFFFF",
    "\u0301",
    "\uFE0F",
    "\uD800",
    "\uDFFF",
    "\uDBFF\uDFFF",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "🇯🇵",
    "İ",
    "ß",
    "ﬁ",
    "٣",
    "中",
    "é",
    "e\u0301",
    "\"",
    "'",
    "\\",
    "<",
    ">",
    "&",
    "%",
    "{",
    "}",
    "[",
    "]",
    ",",
    ";",
    ":",
    "#",
    "@",
    "$",
    "*",
    "?",
    "~",
    "/",
    "-",
    "=",
    "+",
    " "
  };

  private Mutators() {}

  /** A mutator over text, encoded as WTF-8 in corpus files ({@link Wtf8}). */
  public static Fuzz.Mutator text(String... tokens) {
    return (seed, corpus, random) -> {
      StringBuilder s = new StringBuilder(Wtf8.decode(seed));
      int rounds = 1 + random.nextInt(4);
      for (int r = 0; r < rounds; r++) {
        mutateText(s, corpus, random, tokens);
      }
      return Wtf8.encode(s);
    };
  }

  /** A mutator over raw bytes, with the given tokens (UTF-8) as the dictionary. */
  public static Fuzz.Mutator bytes(String... tokens) {
    return (seed, corpus, random) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] current = seed;
      int rounds = 1 + random.nextInt(4);
      for (int r = 0; r < rounds; r++) {
        current = mutateBytes(current, corpus, random, tokens);
      }
      out.writeBytes(current);
      return out.toByteArray();
    };
  }

  /** One text mutation, in place. */
  public static void mutateText(
      StringBuilder s, List<byte[]> corpus, SplittableRandom random, String[] tokens) {
    int n = s.length();
    int at = n == 0 ? 0 : random.nextInt(n + 1);
    switch (random.nextInt(11)) {
      case 0 -> s.insert(at, tokens.length == 0 ? "x" : tokens[random.nextInt(tokens.length)]);
      case 1 -> s.insert(at, AWKWARD[random.nextInt(AWKWARD.length)]);
      case 2 -> {
        if (n > 0) {
          int end = Math.min(n, at + 1 + random.nextInt(Math.max(1, n / 4)));
          s.delete(Math.min(at, n - 1), end);
        }
      }
      case 3 -> {
        if (n > 0) {
          int from = Math.min(at, n - 1);
          int end = Math.min(n, from + 1 + random.nextInt(16));
          String piece = s.substring(from, end);
          s.insert(from, piece.repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 8)));
        }
      }
      case 4 -> s.insert(at, (char) random.nextInt(0x10000));
      case 5 -> s.insert(at, Character.toChars(random.nextInt(Character.MAX_CODE_POINT + 1)));
      case 6 -> {
        String other = Wtf8.decode(corpus.get(random.nextInt(corpus.size())));
        if (!other.isEmpty()) {
          int from = random.nextInt(other.length());
          s.insert(at, other, from, Math.min(other.length(), from + 1 + random.nextInt(64)));
        }
      }
      case 7 -> {
        if (n > 0) {
          s.setLength(random.nextInt(n));
        }
      }
      case 8 -> {
        if (n > 0) {
          s.setCharAt(
              Math.min(at, n - 1),
              (char) (s.charAt(Math.min(at, n - 1)) ^ (1 << random.nextInt(16))));
        }
      }
      case 9 -> {
        String open = random.nextBoolean() ? "(" : "\"";
        s.insert(at, open.repeat(1 + random.nextInt(64)));
      }
      default -> {
        if (n > 1) {
          int i = random.nextInt(n);
          int j = random.nextInt(n);
          char c = s.charAt(i);
          s.setCharAt(i, s.charAt(j));
          s.setCharAt(j, c);
        }
      }
    }
  }

  /** One byte mutation. */
  public static byte[] mutateBytes(
      byte[] in, List<byte[]> corpus, SplittableRandom random, String[] tokens) {
    int n = in.length;
    int at = n == 0 ? 0 : random.nextInt(n + 1);
    byte[] insert =
        switch (random.nextInt(8)) {
          case 0 ->
              tokens.length == 0
                  ? new byte[] {'x'}
                  : tokens[random.nextInt(tokens.length)].getBytes(
                      java.nio.charset.StandardCharsets.UTF_8);
          case 1 -> Wtf8.encode(AWKWARD[random.nextInt(AWKWARD.length)]);
          case 2 -> new byte[] {(byte) random.nextInt(256)};
          case 3 -> {
            byte[] other = corpus.get(random.nextInt(corpus.size()));
            if (other.length == 0) {
              yield new byte[0];
            }
            int from = random.nextInt(other.length);
            int len = Math.min(other.length - from, 1 + random.nextInt(128));
            byte[] piece = new byte[len];
            System.arraycopy(other, from, piece, 0, len);
            yield piece;
          }
          default -> null;
        };
    if (insert != null) {
      return splice(in, at, 0, insert);
    }
    if (n == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int from = Math.min(at, n - 1);
    return switch (random.nextInt(4)) {
      case 0 ->
          splice(in, from, Math.min(n - from, 1 + random.nextInt(Math.max(1, n / 4))), new byte[0]);
      case 1 -> {
        int len = Math.min(n - from, 1 + random.nextInt(32));
        byte[] piece = new byte[len];
        System.arraycopy(in, from, piece, 0, len);
        int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 1000 : 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
          out.writeBytes(piece);
        }
        yield splice(in, from, 0, out.toByteArray());
      }
      case 2 -> {
        byte[] copy = in.clone();
        copy[from] ^= (byte) (1 << random.nextInt(8));
        yield copy;
      }
      default -> java.util.Arrays.copyOf(in, random.nextInt(n));
    };
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }
}
