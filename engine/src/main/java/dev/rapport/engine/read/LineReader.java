package dev.rapport.engine.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines with bounded memory: a line longer than the limit is consumed to its end but only
 * reported as too long, so one huge line cannot exhaust memory.
 */
final class LineReader {

  /** One line, or the fact that it was too long. */
  record Line(String text, boolean tooLong) {}

  private final Reader in;
  private final int limit;
  private final char[] buffer = new char[8192];
  private int pos;
  private int len;

  LineReader(Reader in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /** The next line without its terminator (\n, \r\n), or null at the end of input. */
  Line next() throws IOException {
    StringBuilder b = new StringBuilder();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = in.read(buffer);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return any ? line(b, tooLong) : null;
        }
      }
      any = true;
      char c = buffer[pos++];
      if (c == '\n') {
        return line(b, tooLong);
      }
      if (b.length() < limit) {
        b.append(c);
      } else {
        tooLong = true;
      }
    }
  }

  private static Line line(StringBuilder b, boolean tooLong) {
    int n = b.length();
    if (n > 0 && b.charAt(n - 1) == '\r') {
      b.setLength(n - 1);
    }
    return new Line(tooLong ? "" : b.toString(), tooLong);
  }
}
