package dev.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  void everyCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingQuote() {
    StringWriter out = new StringWriter();
    try (CsvWriter csv = CsvWriter.open(out, List.of("a", "b", "c", "d", "e", "f", "g"))) {
      csv.row("=1+1", "+1 555", "-3", "@SUM(A1)", "\tx", "\r=y", "fine");
      csv.row(-5, true, null, "'plain", "a=b", "", "'=quoted");
    }
    assertThat(out.toString())
        .isEqualTo(
            "a,b,c,d,e,f,g\n"
                + "'=1+1,'+1 555,'-3,'@SUM(A1),'\tx,\"'\r=y\",fine\n"
                + "-5,true,,'plain,a=b,,''=quoted\n");
  }

  @Test
  void unescapingGivesBackExactlyWhatWasEscaped() {
    Random random = new Random(42);
    String alphabet = "'=+-@\t\rab ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(6);
      for (int i = 0; i < len; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String value = s.toString();
      String cell = CsvWriter.escapeCell(value);
      assertThat(CsvWriter.unescapeCell(cell)).isEqualTo(value);
      assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).isTrue();
    }
  }
}
