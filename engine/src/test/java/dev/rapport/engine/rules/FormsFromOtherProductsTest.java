package dev.rapport.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table in {@code rules/forms-from-other-products.tsv}: for each operator form users bring from
 * another product, whether Rapport means it (and how it reads it), warns about its grouping, or
 * refuses it with a message that names the form to write. None may change meaning silently.
 */
class FormsFromOtherProductsTest {

  static Stream<Arguments> forms() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in =
        FormsFromOtherProductsTest.class.getResourceAsStream(
            "/rules/forms-from-other-products.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        rows.add(Arguments.of(f[0], f[1], f[2], f[3]));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @MethodSource("forms")
  void aFormFromAnotherProductIsMeantWarnedOrRefusedNeverSilentlyReread(
      String form, String rule, String outcome, String expected) {
    ParseResult result = RuleParser.parse(rule);
    List<ParseWarning> warnings = RuleParser.warnings(rule);
    switch (outcome) {
      case "means" -> {
        assertThat(result).as(form).isInstanceOf(Rule.class);
        assertThat(result.toString()).as(form).isEqualTo(expected);
        assertThat(warnings).as(form).isEmpty();
      }
      case "warns" -> {
        assertThat(result).as(form).isInstanceOf(Rule.class);
        assertThat(result.toString()).as(form).isEqualTo(expected);
        assertThat(warnings).as(form).hasSize(1);
        assertThat(warnings.get(0).message()).as(form).contains("read as " + expected);
      }
      case "refuses" -> {
        assertThat(result).as(form).isInstanceOf(ParseError.class);
        assertThat(((ParseError) result).message()).as(form).startsWith(expected);
      }
      default -> throw new IllegalArgumentException("unknown outcome " + outcome);
    }
  }
}
