package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.List;

/** The tokens cues are matched against: words, handles and sentence punctuation, no emoji. */
final class View {

  private final List<Token> tokens;
  private final int[] positions;

  private View(List<Token> tokens, int[] positions) {
    this.tokens = tokens;
    this.positions = positions;
  }

  static View of(List<Token> all) {
    List<Token> kept = new ArrayList<>(all.size());
    int[] positions = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Token t = all.get(i);
      boolean keep =
          switch (t.kind()) {
            case WORD, NUMBER, HASHTAG, MENTION -> true;
            case PUNCT -> t.endsClause() || t.norm().equals(",") || t.norm().equals(":");
            default -> false;
          };
      if (keep) {
        positions[kept.size()] = i;
        kept.add(t);
      }
    }
    return new View(kept, positions);
  }

  /** The position of view token i in the full token list. */
  int position(int i) {
    return positions[i];
  }

  /** Evidence for view tokens first..last, as one span of the original text. */
  Evidence evidence(String text, int first, int last, String cue) {
    int s = tokens.get(first).start();
    int e = tokens.get(last).end();
    return new Evidence(s, e, text.substring(s, e), cue);
  }

  int size() {
    return tokens.size();
  }

  Token token(int i) {
    return tokens.get(i);
  }
}
