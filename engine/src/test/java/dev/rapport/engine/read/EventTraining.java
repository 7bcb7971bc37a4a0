package dev.rapport.engine.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the event model (a logistic regression a life event over the event cues' findings, the
 * sentiment rules' score and the post's words and word pairs) on the development split only, and
 * estimates how well it generalises by five-fold cross-validation on that split and by holding out
 * each writer's posts in turn.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes dev.rapport.engine.read.EventTraining cv
 * java -cp ... dev.rapport.engine.read.EventTraining write engine/src/main/resources/dev/rapport/engine/read/event_model.tsv
 * </pre>
 */
public final class EventTraining {

  /** Settings chosen by cross-validation on the development split (see {@code cv}). */
  static final LabelTraining.Task TASK =
      new LabelTraining.Task(
          EventReader.EVENTS.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList(),
          EventReader.DENSE,
          0.001,
          2);

  private EventTraining() {}

  public static void main(String[] args) throws IOException {
    List<LabelTraining.Example> dev = examples("dev");
    LinearTraining.run(
        args,
        () -> LabelTraining.crossValidate(TASK, dev, LabelTraining.englishIds("dev")),
        file ->
            LabelTraining.write(
                TASK,
                dev,
                file,
                "# Rapport's event model: logistic regression weights (log-odds), a column a"
                    + " life event, in the order of LifeEvent.\n"
                    + "# Trained on the development split of the readers' evaluation set by"
                    + " EventTraining (engine test sources);\n# regenerate with `EventTraining"
                    + " write <this file>`. Built by the project (same licence as Rapport).\n"));
  }

  /** The event model's inputs for the split's English posts. */
  static List<LabelTraining.Example> examples(String split) {
    PostReader reader = PostReader.rulesOnly();
    List<LabelTraining.Example> out = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      if (!p.lang().equals("en")) {
        continue;
      }
      boolean[] labels = new boolean[TASK.labels().size()];
      for (int c = 0; c < labels.length; c++) {
        labels[c] = p.events().contains(TASK.labels().get(c));
      }
      out.add(
          new LabelTraining.Example(
              reader.eventFeatures(p.text(), ReaderEvaluation.BRANDS),
              LinearWeights.keys(
                  reader.sentimentFeatures(p.text(), ReaderEvaluation.BRANDS).tokens()),
              labels,
              null));
    }
    return out;
  }
}
