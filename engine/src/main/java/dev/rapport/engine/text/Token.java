package dev.rapport.engine.text;

/**
 * One token of a post: its normalised text, what kind of token it is, its position (word index) and
 * the character span [start, end) it came from in the original text.
 */
public record Token(String text, Kind kind, int position, int start, int end) {

  /** What a token stands for. */
  public enum Kind {
    WORD,
    NUMBER,
    HASHTAG,
    MENTION,
    CASHTAG,
    URL,
    EMOJI,
    EMOTICON
  }
}
