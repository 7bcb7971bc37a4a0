package dev.rapport.engine.read;

/** One token of a post, with its place in the original text (UTF-16 offsets, end exclusive). */
record Token(
    String raw,
    String norm,
    int start,
    int end,
    Kind kind,
    boolean allCaps,
    boolean elongated,
    boolean quoted) {

  enum Kind {
    WORD,
    NUMBER,
    HASHTAG,
    MENTION,
    URL,
    EMOJI,
    EMOTICON,
    PUNCT
  }

  boolean isWordLike() {
    return kind == Kind.WORD || kind == Kind.HASHTAG || kind == Kind.NUMBER;
  }

  /** Sentence-ending punctuation: cue gaps and negation scopes stop here. */
  boolean endsClause() {
    return kind == Kind.PUNCT
        && (norm.equals(".")
            || norm.equals("!")
            || norm.equals("?")
            || norm.equals(";")
            || norm.equals("\n"));
  }
}
