package dev.rapport.shared;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Rapport writes CSV (exports and error files): RFC 4180 with a header, and every text
 * cell that a spreadsheet would run as a formula (it begins with {@code = + - @}, a tab or a
 * carriage return) prefixed with a single quote, as OWASP recommends against CSV injection. The
 * prefix is reversible: {@link #unescapeCell} gives the stored text back, so an export imports back
 * unchanged.
 */
public final class CsvWriter implements Closeable {

  private final CSVPrinter printer;

  private CsvWriter(CSVPrinter printer) {
    this.printer = printer;
  }

  /** A writer that has written the header line. */
  public static CsvWriter open(Writer out, List<String> header) {
    try {
      return new CsvWriter(
          new CSVPrinter(
              out,
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(header.stream().map(CsvWriter::escapeCell).toArray(String[]::new))
                  .setRecordSeparator("\n")
                  .get()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One record; text is escaped, numbers and booleans are written as they are, null empty. */
  public void row(Object... values) {
    Object[] cells = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      cells[i] = v instanceof CharSequence || v instanceof Character ? escapeCell(v.toString()) : v;
    }
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The cell as written: text a spreadsheet would read as a formula gets a leading {@code '}. So
   * that the prefix can be taken off again, text that is already one or more quotes followed by
   * such a character gets one too ({@code '=1} is written {@code ''=1}).
   */
  public static String escapeCell(String value) {
    return value == null || !needsPrefix(value) ? value : "'" + value;
  }

  /** The stored text for a cell read back from a file {@link #escapeCell} wrote. */
  public static String unescapeCell(String cell) {
    if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
      return cell;
    }
    String rest = cell.substring(1);
    return needsPrefix(rest) ? rest : cell;
  }

  private static boolean needsPrefix(String value) {
    int i = 0;
    while (i < value.length() && value.charAt(i) == '\'') {
      i++;
    }
    return i < value.length() && isFormulaStart(value.charAt(i));
  }

  private static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
