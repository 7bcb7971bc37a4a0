package dev.rapport.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.access.audit.AuditDiff.Change;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditDiffTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void anUpdateShowsOnlyTheFieldsThatChangedAsOldToNew() {
    assertThat(
            AuditDiff.of(
                tree("{\"name\":\"Ana\",\"title\":\"CTO\",\"tags\":[\"a\"]}"),
                tree("{\"name\":\"Ana\",\"title\":\"CEO\",\"tags\":[\"a\",\"b\"]}")))
        .containsExactly(
            new Change("title", "CTO", "CEO"), new Change("tags", "[\"a\"]", "[\"a\",\"b\"]"));
  }

  @Test
  void aCreateShowsEveryNewFieldAndADeleteEveryOldOne() {
    assertThat(AuditDiff.of(null, tree("{\"name\":\"North\"}")))
        .containsExactly(new Change("name", null, "North"));
    assertThat(AuditDiff.of(tree("{\"name\":\"North\"}"), null))
        .containsExactly(new Change("name", "North", null));
  }

  @Test
  void emptyFieldsAreLeftOutAndWrappedIdsAndNamedRecordsReadPlainly() {
    assertThat(
            AuditDiff.of(
                null,
                tree(
                    "{\"person\":{\"value\":423},\"account\":null,"
                        + "\"to\":{\"id\":1,\"name\":\"Awareness\"}}")))
        .containsExactly(new Change("person", null, "423"), new Change("to", null, "Awareness"));
  }

  @Test
  void aLongValueIsCutAndAPlainValueIsOneLine() {
    String longText = "x".repeat(500);
    Change cut = AuditDiff.of(null, tree("{\"bio\":\"" + longText + "\"}")).get(0);
    assertThat(cut.newValue()).hasSize(AuditDiff.MAX_VALUE + 1).endsWith("…");
    assertThat(AuditDiff.of(tree("1"), tree("2"))).containsExactly(new Change("value", "1", "2"));
  }

  private JsonNode tree(String s) {
    return json.readTree(s);
  }
}
