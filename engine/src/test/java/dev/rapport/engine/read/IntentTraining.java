package dev.rapport.engine.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the intent model (a logistic regression an intent over the cue rules' findings, facts
 * about the target, the sentiment rules' and model's findings, and the post's words and word pairs)
 * on the development split only, and estimates how well it generalises by five-fold
 * cross-validation on that split and by holding out each writer's posts in turn.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes dev.rapport.engine.read.IntentTraining cv
 * java -cp ... dev.rapport.engine.read.IntentTraining write engine/src/main/resources/dev/rapport/engine/read/intent_model.tsv
 * </pre>
 */
public final class IntentTraining {

  /** Settings chosen by cross-validation on the development split (see {@code cv}). */
  static final LabelTraining.Task TASK =
      new LabelTraining.Task(
          IntentReader.INTENTS.stream().map(i -> i.name().toLowerCase(Locale.ROOT)).toList(),
          IntentReader.DENSE,
          0.0003,
          2);

  private IntentTraining() {}

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
                "# Rapport's intent model: logistic regression weights (log-odds), a column an"
                    + " intent: buying, switching, complaint, praise, question.\n"
                    + "# Trained on the development split of the readers' evaluation set by"
                    + " IntentTraining (engine test sources);\n# regenerate with `IntentTraining"
                    + " write <this file>` after the sentiment model. Built by the project (same"
                    + " licence as Rapport).\n"));
  }

  /**
   * The intent model's inputs for the split's English posts. The sentiment model's verdict on each
   * post comes from a sentiment model trained without that post's fold (out-of-fold, the same five
   * folds as the sentiment training's cross-validation), so that the intent model does not learn to
   * trust a sentiment reading that has seen the post.
   */
  static List<LabelTraining.Example> examples(String split) {
    List<SentimentTraining.Example> sentiments = SentimentTraining.examples(split);
    Map<String, double[]> outOfFold = new HashMap<>();
    List<String> texts = SentimentTraining.texts(split);
    LinearTraining.outOfFold(
        sentiments,
        train ->
            SentimentTraining.train(
                    train,
                    SentimentTraining.L2_DENSE,
                    SentimentTraining.L2_WORDS,
                    SentimentTraining.MIN_DF)
                .shifted(),
        (i, e, m) ->
            outOfFold.put(texts.get(i), new double[] {m.score(e), m.predict(e) == 0 ? 1 : 0}));
    PostReader reader = PostReader.rulesOnly();
    int complaint = IntentReader.INTENTS.indexOf(Intent.COMPLAINT);
    int praise = IntentReader.INTENTS.indexOf(Intent.PRAISE);
    List<LabelTraining.Example> out = new ArrayList<>();
    for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
      if (!p.lang().equals("en")) {
        continue;
      }
      double[] x = reader.intentFeatures(p.text(), ReaderEvaluation.BRANDS);
      double[] learned = outOfFold.getOrDefault(p.text(), new double[] {0, 0});
      x[x.length - 2] = learned[0];
      x[x.length - 1] = learned[1];
      boolean[] labels = new boolean[TASK.labels().size()];
      boolean[] possible = new boolean[labels.length];
      for (int c = 0; c < labels.length; c++) {
        labels[c] = p.intents().contains(TASK.labels().get(c));
        possible[c] = true;
      }
      // complaints and praise need a target: a named brand or a service word
      boolean target = x[2] > 0 || x[3] > 0;
      possible[complaint] = target;
      possible[praise] = target;
      out.add(
          new LabelTraining.Example(
              x,
              LinearWeights.keys(
                  reader.sentimentFeatures(p.text(), ReaderEvaluation.BRANDS).tokens()),
              labels,
              possible));
    }
    return out;
  }
}
