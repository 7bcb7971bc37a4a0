package dev.rapport.engine.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Word lists and numbers kept as data files beside the cue files (classpath resources next to this
 * class): one entry a line, {@code word} or {@code word <TAB> number}; empty lines and lines
 * starting with {@code #} are passed over.
 */
final class WordFiles {

  private WordFiles() {}

  /** The words of a list file (lower-case, as written); a missing file is an error. */
  static Set<String> words(String resource) {
    return Set.copyOf(read(resource, true).keySet());
  }

  /** The numbered entries of a file, or none when the file is absent. */
  static Map<String, Double> numbers(String resource) {
    return read(resource, false);
  }

  private static Map<String, Double> read(String resource, boolean required) {
    Map<String, Double> out = new LinkedHashMap<>();
    try (InputStream in = WordFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        if (required) {
          throw new IllegalStateException("missing word file " + resource);
        }
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.put(f[0].strip(), f.length > 1 ? Double.parseDouble(f[1].strip()) : 0.0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
