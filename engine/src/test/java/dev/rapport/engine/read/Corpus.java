package dev.rapport.engine.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the real posts of a training folder (one JSON object a line, a folder a public corpus, as
 * {@code /work/shared/data/training/README.md} describes it). Only the training and evaluation
 * commands read it; nothing in the build or the test suite needs the folder.
 */
final class Corpus {

  private Corpus() {}

  /** The rows of {@code folder/file} under the training root, each a JSON object. */
  static List<Map<?, ?>> rows(Path root, String file) {
    Path p = root.resolve(file);
    List<Map<?, ?>> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(JsonLines.object(line));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Whether the training root holds the file. */
  static boolean has(Path root, String file) {
    return Files.isRegularFile(root.resolve(file));
  }

  static String text(Map<?, ?> row) {
    return (String) row.get("text");
  }

  static String string(Map<?, ?> row, String field) {
    Object v = row.get(field);
    return v == null ? "" : v.toString();
  }

  static double number(Map<?, ?> row, String field) {
    Object v = row.get(field);
    return v instanceof Number n ? n.doubleValue() : Double.parseDouble((String) v);
  }

  /**
   * A stable pseudo-random fraction in [0, 1) from a text: splits that do not move between runs.
   */
  static double fraction(String key) {
    long h = 1125899906842597L;
    for (int i = 0; i < key.length(); i++) {
      h = 31 * h + key.charAt(i);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (h >>> 11) / (double) (1L << 53);
  }
}
