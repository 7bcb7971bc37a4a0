package dev.rapport.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped intent and event weights are what their training commands make from the development
 * split. The sentiment model is trained on real posts outside the repository (RealSentimentTraining
 * reads a folder given on the command line), so the suite checks its figures and evidence instead
 * (ReaderFiguresTest, RealWordingTest), not a retraining.
 */
class ModelTrainingTest {

  @TempDir Path dir;

  @Test
  void shippedIntentModelIsReproducible() throws IOException {
    Path out = dir.resolve("intent_model.tsv");
    IntentTraining.main(new String[] {"write", out.toString()});
    assertThat(Files.readString(out)).isEqualTo(shipped("intent_model.tsv"));
  }

  @Test
  void shippedEventModelIsReproducible() throws IOException {
    Path out = dir.resolve("event_model.tsv");
    EventTraining.main(new String[] {"write", out.toString()});
    assertThat(Files.readString(out)).isEqualTo(shipped("event_model.tsv"));
  }

  private static String shipped(String name) throws IOException {
    try (InputStream in = SentimentModel.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
