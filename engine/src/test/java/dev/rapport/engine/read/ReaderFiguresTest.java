package dev.rapport.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Guards the figures recorded in {@code reader-figures.properties} (test split): a change that
 * drops any of them by more than two points fails. Re-record with ReaderEvaluation --write.
 */
class ReaderFiguresTest {

  private static final double TOLERANCE = 0.02;

  @Test
  void noRecordedFigureDropsByMoreThanTwoPoints() throws IOException {
    Properties recorded = new Properties();
    try (InputStream in = getClass().getResourceAsStream("reader-figures.properties")) {
      recorded.load(in);
    }
    Map<String, Double> now = ReaderEvaluation.evaluate("test", new LinkedHashMap<>(), false);
    assertThat(recorded.stringPropertyNames()).isNotEmpty();
    for (String name : recorded.stringPropertyNames()) {
      double was = Double.parseDouble(recorded.getProperty(name));
      assertThat(now).containsKey(name);
      assertThat(now.get(name)).as(name + " was " + was).isGreaterThanOrEqualTo(was - TOLERANCE);
    }
  }
}
