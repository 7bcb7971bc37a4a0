package dev.rapport.engine.text;

import java.util.ArrayList;
import java.util.List;

/** Keeps a thread's token counters off the cache lines of whatever object precedes them. */
abstract class TokensLead {
  int lead;
  long l0, l1, l2, l3, l4, l5, l6, l7;
}

/** The fields of {@link Tokens}, between padding. */
abstract class TokensFields extends TokensLead {

  char[] chars = new char[64];
  int charCount;
  int size;
  int[] termStart = new int[16];
  int[] termLength = new int[16];
  int[] hash = new int[16];
  int[] start = new int[16];
  int[] end = new int[16];
  int[] position = new int[16];
  byte[] kind = new byte[16];
  int runningHash;
}

/**
 * A reusable buffer of tokens: the normalised characters of every token in one array, with the
 * token's hash, position and source span, so that a caller can analyse post after post without
 * allocating per token. Not thread-safe; keep one per thread.
 */
public final class Tokens extends TokensFields {
  /**
   * Padding after the fields: the garbage collector may copy two threads' buffers next to each
   * other, and their counters, written for every character, would then share a cache line.
   */
  long t0, t1, t2, t3, t4, t5, t6, t7;

  private static final Token.Kind[] KINDS = Token.Kind.values();

  /** Number of tokens in the buffer. */
  public int size() {
    return size;
  }

  /** The array that holds every token's normalised characters. */
  public char[] chars() {
    return chars;
  }

  public int termStart(int i) {
    return termStart[i];
  }

  public int termLength(int i) {
    return termLength[i];
  }

  /** Polynomial hash (31) of the token's normalised characters. */
  public int hash(int i) {
    return hash[i];
  }

  public int start(int i) {
    return start[i];
  }

  public int end(int i) {
    return end[i];
  }

  public int position(int i) {
    return position[i];
  }

  public Token.Kind kind(int i) {
    return KINDS[kind[i]];
  }

  public String text(int i) {
    return new String(chars, termStart[i], termLength[i]);
  }

  /** The tokens as values, for callers off the hot path. */
  public List<Token> toList() {
    List<Token> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(new Token(text(i), kind(i), position[i], start[i], end[i]));
    }
    return list;
  }

  void clear() {
    size = 0;
    charCount = 0;
  }

  /** Starts a token; characters are appended with {@link #append} and it ends with finish. */
  void begin() {
    if (size == termStart.length) {
      grow();
    }
    termStart[size] = charCount;
    runningHash = 0;
  }

  void append(char c) {
    if (charCount == chars.length) {
      chars = java.util.Arrays.copyOf(chars, chars.length * 2);
    }
    chars[charCount++] = c;
    runningHash = 31 * runningHash + c;
  }

  /**
   * Appends the run of ASCII letters and digits at the start of a word in one tight loop, the way
   * {@link Tokenizer} appends them one by one (lower-cased, a letter dropped when the token already
   * ends with it twice); returns where the run stops.
   */
  int asciiWord(CharSequence s, int i, int n) {
    int cc = charCount;
    if (chars.length - cc < n - i) {
      chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, cc + n - i));
    }
    char[] buf = chars;
    int first = termStart[size];
    int h = runningHash;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        c = (char) (c | 0x20);
        if (cc - first >= 2 && buf[cc - 1] == c && buf[cc - 2] == c) {
          continue;
        }
      } else if (c < '0' || c > '9') {
        break;
      }
      buf[cc++] = c;
      h = 31 * h + c;
    }
    charCount = cc;
    runningHash = h;
    return i;
  }

  /** Drops a started token, or keeps it when it has characters. */
  boolean finish(Token.Kind k, int pos, int from, int to) {
    int s = termStart[size];
    int len = charCount - s;
    if (len == 0) {
      return false;
    }
    termLength[size] = len;
    hash[size] = runningHash;
    position[size] = pos;
    start[size] = from;
    end[size] = to;
    kind[size] = (byte) k.ordinal();
    size++;
    return true;
  }

  void discard() {
    charCount = termStart[size];
  }

  /** Whether the token's last two characters are both c. */
  boolean endsWithTwice(char c) {
    int len = charCount - termStart[size];
    return len >= 2 && chars[charCount - 1] == c && chars[charCount - 2] == c;
  }

  int lastLength() {
    return charCount - termStart[size];
  }

  private void grow() {
    int n = termStart.length * 2;
    termStart = java.util.Arrays.copyOf(termStart, n);
    termLength = java.util.Arrays.copyOf(termLength, n);
    hash = java.util.Arrays.copyOf(hash, n);
    start = java.util.Arrays.copyOf(start, n);
    end = java.util.Arrays.copyOf(end, n);
    position = java.util.Arrays.copyOf(position, n);
    kind = java.util.Arrays.copyOf(kind, n);
  }
}
