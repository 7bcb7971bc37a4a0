package dev.rapport.people.internal;

import dev.rapport.shared.CsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time and, unlike a strict parser, survives a malformed record:
 * it reports it with its number and where it broke, skips to the next line and goes on. A cell that
 * Rapport's own export protected against spreadsheet formulas ({@code '=...}) reads back as the
 * text that was exported ({@link CsvWriter#unescapeCell}).
 */
final class CsvRows implements Closeable {

  /** One record: its number (the header is 1), its fields, or why it is malformed. */
  record Row(int number, List<String> fields, String malformed) {
    boolean isMalformed() {
      return malformed != null;
    }
  }

  static final int MAX_FIELD = 100_000;

  private final Reader in;
  private final char[] buffer = new char[64 * 1024];
  private int pos;
  private int limit;
  private int number;
  private int line = 1;
  private int fieldLine;
  private boolean eof;

  CsvRows(Reader in) {
    this.in = in;
  }

  /** The next record, or null at the end; blank lines are skipped. */
  Row next() {
    while (true) {
      if (peek() < 0) {
        return null;
      }
      Row row = read();
      if (row.isMalformed() || row.fields().size() > 1 || !row.fields().get(0).isEmpty()) {
        return row;
      }
      number--; // a blank line is not a record
    }
  }

  private Row read() {
    number++;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean closed = false;
    fieldLine = line;
    while (true) {
      int c = take();
      if (c < 0) {
        if (quoted) {
          return new Row(number, fields, where(fields) + ": quoted field never closed");
        }
        fields.add(CsvWriter.unescapeCell(field.toString()));
        return new Row(number, fields, null);
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            take();
            field.append('"');
          } else {
            quoted = false;
            closed = true;
          }
        } else {
          field.append((char) c);
          if (field.length() > MAX_FIELD) {
            skipLine();
            return new Row(
                number,
                fields,
                where(fields)
                    + ": quoted field longer than "
                    + MAX_FIELD
                    + " characters (is a closing quote missing?)");
          }
        }
        continue;
      }
      if (c == ',') {
        fields.add(CsvWriter.unescapeCell(field.toString()));
        field.setLength(0);
        closed = false;
        fieldLine = line;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          take();
        }
        fields.add(CsvWriter.unescapeCell(field.toString()));
        return new Row(number, fields, null);
      } else if (closed) {
        skipLine();
        return new Row(number, fields, where(fields) + ": text after a closing quote");
      } else if (c == '"') {
        if (field.length() > 0) {
          skipLine();
          return new Row(number, fields, where(fields) + ": quote inside an unquoted field");
        }
        quoted = true;
      } else {
        field.append((char) c);
        if (field.length() > MAX_FIELD) {
          skipLine();
          return new Row(
              number, fields, where(fields) + ": field longer than " + MAX_FIELD + " characters");
        }
      }
    }
  }

  /** Where the field being read starts: its line in the file and its column in the record. */
  private String where(List<String> fields) {
    return "line " + fieldLine + ", column " + (fields.size() + 1);
  }

  /** Drops the rest of a broken line, whichever line end the file uses. */
  private void skipLine() {
    int c;
    while ((c = take()) >= 0 && c != '\n' && c != '\r') {
      // drop the rest of the broken line
    }
    if (c == '\r' && peek() == '\n') {
      take();
    }
  }

  private int peek() {
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buffer[pos];
  }

  /** The next character; counts lines as \n, \r\n or a lone \r end them. */
  private int take() {
    if (pos >= limit && !fill()) {
      return -1;
    }
    char c = buffer[pos++];
    if (c == '\n' || c == '\r' && peek() != '\n') {
      line++;
    }
    return c;
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n = in.read(buffer);
      if (n <= 0) {
        eof = true;
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
