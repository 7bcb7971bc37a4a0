package dev.rapport.engine.read;

/**
 * A span of the post that produced part of a reading: {@code text} is the post's characters from
 * {@code start} (inclusive) to {@code end} (exclusive), counted in UTF-16 code units as Java and
 * JavaScript strings do, and {@code cue} names the rule that used it.
 */
public record Evidence(int start, int end, String text, String cue) {

  public Evidence {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    if (text == null || cue == null) {
      throw new IllegalArgumentException("evidence needs text and cue");
    }
  }
}
