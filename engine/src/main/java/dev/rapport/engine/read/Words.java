package dev.rapport.engine.read;

import java.util.Arrays;
import java.util.Set;

/** Word lists written by hand may repeat a word; that is harmless. */
final class Words {

  private Words() {}

  static Set<String> of(String... words) {
    return Set.copyOf(Arrays.asList(words));
  }
}
