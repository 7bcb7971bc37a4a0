package dev.rapport.engine.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Word valences on VADER's scale (-4 to 4): the VADER lexicon (MIT, see VADER-LICENSE.txt) with
 * Rapport's own overlay for emoji, slang and customer-service words, which wins where both speak.
 */
final class Lexicon {

  static final double NONE = 0.0;

  private final Map<String, Double> valence = new HashMap<>(16_384);

  private Lexicon() {}

  static Lexicon load() {
    Lexicon lexicon = new Lexicon();
    lexicon.read("vader_lexicon.tsv");
    lexicon.read("rapport_lexicon.tsv");
    return lexicon;
  }

  private void read(String resource) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing lexicon " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab > 0 && !line.startsWith("#")) {
          valence.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1).trim()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The token's valence, or {@link #NONE} when the lexicon does not know it. */
  double valence(Token t) {
    Double v =
        switch (t.kind()) {
          case WORD, HASHTAG -> word(t.norm(), t.elongated());
          case EMOJI -> valence.get(t.norm());
          case EMOTICON -> {
            Double e = valence.get(t.raw());
            yield e != null ? e : valence.get(Tokenizer.lower(t.raw()));
          }
          default -> null;
        };
    return v == null ? NONE : v;
  }

  private Double word(String norm, boolean elongated) {
    Double v = valence.get(norm);
    if (v == null && elongated) {
      String single = Tokenizer.single(norm);
      if (!single.equals(norm)) {
        v = valence.get(single);
      }
    }
    return v;
  }
}
