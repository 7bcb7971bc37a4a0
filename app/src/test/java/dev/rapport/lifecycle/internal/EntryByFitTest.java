package dev.rapport.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageOwner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a new person enters when the workspace lets the ICP fit choose (no stage set). */
class EntryByFitTest {

  @Test
  void onTheShippedCircleAFittingPersonIsAProspectAndAnyoneElseStartsInAwareness() {
    List<Stage> circle = model("Awareness", "Prospect", "Lead", "Customer", "Evangelist");
    assertThat(name(EntryRules.automatic(circle, true))).isEqualTo("Prospect");
    assertThat(name(EntryRules.automatic(circle, false))).isEqualTo("Awareness");
  }

  @Test
  void aModelWithSuspectAndProspectSplitsByFit() {
    List<Stage> stages = model("Suspect", "Prospect", "Lead", "Customer");
    assertThat(name(EntryRules.automatic(stages, true))).isEqualTo("Prospect");
    assertThat(name(EntryRules.automatic(stages, false))).isEqualTo("Suspect");
  }

  @Test
  void theMarketingSalesTemplatesIdentifyProspectsStageCountsAsTheProspectStage() {
    List<Stage> stages =
        model("Create Awareness", "Identify Prospects", "Generate Leads", "Opportunity Pursuit");
    assertThat(name(EntryRules.automatic(stages, true))).isEqualTo("Identify Prospects");
    assertThat(name(EntryRules.automatic(stages, false))).isEqualTo("Create Awareness");
  }

  @Test
  void withoutAProspectStageEveryoneEntersTheFirstStage() {
    List<Stage> funnel = model("Awareness", "Consideration", "Conversion", "Loyalty", "Advocacy");
    assertThat(name(EntryRules.automatic(funnel, true))).isEqualTo("Awareness");
    assertThat(name(EntryRules.automatic(funnel, false))).isEqualTo("Awareness");
    assertThat(EntryRules.automatic(List.of(), true)).isEmpty();
  }

  @Test
  void namesAreMatchedWholeNotAsFragments() {
    List<Stage> stages = model("Prospecting calls", "Suspects list", "Lead");
    assertThat(name(EntryRules.automatic(stages, true))).isEqualTo("Prospecting calls");
    assertThat(name(EntryRules.automatic(stages, false))).isEqualTo("Prospecting calls");
  }

  private static List<Stage> model(String... names) {
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      stages.add(new Stage(100 + i, 7, names[i], i + 1, StageOwner.MARKETING, CountsAs.AWARENESS));
    }
    return stages;
  }

  private static String name(Optional<Stage> stage) {
    return stage.map(Stage::name).orElse(null);
  }
}
