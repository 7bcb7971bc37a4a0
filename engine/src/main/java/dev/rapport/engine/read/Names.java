package dev.rapport.engine.read;

import java.util.List;
import java.util.Set;

/**
 * Which tokens name a brand or product: the workspace's brands, any @handle, and capitalized words
 * that are not common English. Knowing the brands is better; the rest is a fair guess.
 */
final class Names {

  private static final Set<String> COMMON = WordFiles.words("names_common.txt");

  private final boolean[] name;
  private final String[] display;

  private Names(int size) {
    name = new boolean[size];
    display = new String[size];
  }

  /** Marks names in the view; brand spans carry the brand's display name. */
  static Names of(View view, List<Token> tokens, List<BrandSet.Found> brands, Lexicon lexicon) {
    Names names = new Names(view.size());
    int b = 0;
    for (int i = 0; i < view.size(); i++) {
      int pos = view.position(i);
      while (b < brands.size() && brands.get(b).last() < pos) {
        b++;
      }
      if (b < brands.size() && brands.get(b).first() <= pos) {
        names.name[i] = true;
        names.display[i] = brands.get(b).name();
        continue;
      }
      Token t = view.token(i);
      if (t.kind() == Token.Kind.MENTION || isCapitalizedName(view, i, lexicon)) {
        names.name[i] = true;
        names.display[i] = t.raw();
      }
    }
    return names;
  }

  private static boolean isCapitalizedName(View view, int i, Lexicon lexicon) {
    Token t = view.token(i);
    if (t.kind() != Token.Kind.WORD || t.quoted()) {
      return false;
    }
    if (!Character.isUpperCase(t.raw().charAt(0))) {
      // "easyJet", "iPhone", "eBay"
      return Character.isLowerCase(t.raw().charAt(0)) && innerCapital(t.raw());
    }
    String bare = t.norm().endsWith("'s") ? t.norm().substring(0, t.norm().length() - 2) : t.norm();
    if (COMMON.contains(bare) || lexicon.valence(t) != 0 || (t.allCaps() && t.raw().length() > 5)) {
      return false;
    }
    boolean sentenceStart = i == 0 || view.token(i - 1).endsClause();
    if (!sentenceStart || i + 1 >= view.size()) {
      return !sentenceStart;
    }
    if (innerCapital(t.raw()) || t.norm().endsWith("'s")) {
      // "YouTube", "PayPal", "McDonald's": not how common words are written or begin a sentence
      return true;
    }
    Token next = view.token(i + 1);
    String n = next.norm();
    return AFTER_NAME.contains(n)
        || (n.length() >= 5 && n.endsWith("ed") && next.kind() == Token.Kind.WORD)
        || (next.kind() == Token.Kind.WORD
            && Character.isUpperCase(next.raw().charAt(0))
            && !COMMON.contains(next.norm()));
  }

  private static boolean innerCapital(String raw) {
    boolean lower = false;
    for (int k = 1; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c) && lower) {
        return true;
      }
    }
    return false;
  }

  /** Words that, after a capitalized first word, suggest the word names a company or product. */
  private static final Set<String> AFTER_NAME = WordFiles.words("names_after_name.txt");

  boolean isName(int i) {
    return i >= 0 && i < name.length && name[i];
  }

  String display(int i) {
    return display[i];
  }
}
