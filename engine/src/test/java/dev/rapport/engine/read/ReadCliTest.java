package dev.rapport.engine.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadCliTest {

  private static final PostReader READER = PostReader.create();

  private static List<String> run(String input, BrandSet brands) throws Exception {
    StringWriter out = new StringWriter();
    ReadCli.run(new StringReader(input), out, READER, brands);
    return List.of(out.toString().split("\n"));
  }

  @Test
  void badLineYieldsAnErrorAndTheRestGoOn() throws Exception {
    List<String> out =
        run(
            "{\"id\":\"a\",\"text\":\"Acme is down again\"}\n{oops\n{\"id\":7,\"text\":\"thanks!\"}\n",
            BrandSet.of(List.of("Acme"), List.of()));
    assertThat(out).hasSize(3);
    assertThat(out.get(0))
        .contains("\"id\":\"a\"", "\"intent\":\"complaint\"", "\"about\":\"ours\"");
    assertThat(out.get(1)).startsWith("{\"line\":2,\"error\":\"not JSON:");
    assertThat(out.get(2)).contains("\"id\":7", "\"label\":\"positive\"");
  }

  @Test
  void aLoneSurrogateIsEscapedSoTheLineStaysValidUtf8AndDecodesToTheTextRead() throws Exception {
    // a post may carry half an emoji; written raw, a UTF-8 stdout would turn it into '?'
    List<String> out =
        run("{\"id\":\"p\\ud83d\",\"text\":\"awful awful service\"}\n", BrandSet.NONE);
    String line = out.get(0);
    assertThat(line).contains("\\ud83d").doesNotContain("\ud83d");
    byte[] utf8 = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(new String(utf8, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(line);
    assertThat(JsonLines.object(line).get("id")).isEqualTo("p\ud83d");
  }

  @Test
  void missingTextAndBadIdAreNamed() throws Exception {
    List<String> out = run("{\"id\":\"x\"}\n{\"id\":[1],\"text\":\"hi\"}\n", BrandSet.NONE);
    assertThat(out.get(0))
        .isEqualTo(
            "{\"line\":1,\"id\":\"x\",\"error\":\"\\\"text\\\" is missing or not a string\"}");
    assertThat(out.get(1)).contains("\"id\\\" must be a string or a number");
  }

  @Test
  void givenLanguageOtherThanEnglishIsReportedUnsupported() throws Exception {
    List<String> out = run("{\"text\":\"great\",\"lang\":\"fr\"}\n", BrandSet.NONE);
    assertThat(JsonLines.object(out.get(0)))
        .isEqualTo(
            Map.of(
                "line",
                1,
                "language",
                "fr",
                "supported",
                false,
                "note",
                "unsupported language: fr"));
  }

  @Test
  void overlongLineIsRejectedWithoutHoldingIt() throws Exception {
    Reader huge =
        new Reader() {
          private long left = 3L * ReadCli.MAX_LINE;

          @Override
          public int read(char[] buf, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(buf, off, off + n, 'a');
            left -= n;
            return n;
          }

          @Override
          public void close() {}
        };
    StringWriter out = new StringWriter();
    ReadCli.run(huge, out, READER, BrandSet.NONE);
    assertThat(out.toString()).startsWith("{\"line\":1,\"error\":\"line longer than");
  }

  @Test
  void optionsBuildTheBrandSetAndUnknownOptionsAreNamed() {
    assertThat(
            ReadCli.brands(new String[] {"--brands", "Acme,@acmehq", "--competitors", "Globex"})
                .isEmpty())
        .isFalse();
    assertThatThrownBy(() -> ReadCli.brands(new String[] {"--brand", "x"}))
        .hasMessage("unknown option: --brand");
    assertThatThrownBy(() -> ReadCli.brands(new String[] {"--competitors"}))
        .hasMessageContaining("needs a comma-separated list");
  }
}
