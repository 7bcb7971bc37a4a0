package dev.rapport.engine.read;

import java.util.List;
import java.util.Set;

/**
 * Which tokens name a brand or product: the workspace's brands, any @handle, and capitalized words
 * that are not common English. Knowing the brands is better; the rest is a fair guess.
 */
final class Names {

  private static final Set<String> COMMON =
      Words.of(
          "i",
          "i'm",
          "im",
          "i've",
          "i'll",
          "i'd",
          "the",
          "a",
          "an",
          "my",
          "our",
          "we",
          "you",
          "your",
          "he",
          "she",
          "it",
          "it's",
          "they",
          "this",
          "that",
          "these",
          "those",
          "and",
          "or",
          "but",
          "so",
          "if",
          "when",
          "why",
          "what",
          "who",
          "how",
          "where",
          "which",
          "just",
          "still",
          "not",
          "no",
          "yes",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "do",
          "does",
          "did",
          "don't",
          "can",
          "can't",
          "will",
          "won't",
          "would",
          "should",
          "could",
          "has",
          "have",
          "had",
          "to",
          "for",
          "of",
          "in",
          "on",
          "at",
          "by",
          "with",
          "from",
          "after",
          "before",
          "today",
          "tomorrow",
          "yesterday",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "anyone",
          "anybody",
          "someone",
          "everyone",
          "nobody",
          "any",
          "every",
          "all",
          "some",
          "one",
          "new",
          "first",
          "last",
          "next",
          "got",
          "get",
          "getting",
          "finally",
          "thanks",
          "thank",
          "hey",
          "hi",
          "hello",
          "dear",
          "ok",
          "okay",
          "oh",
          "well",
          "also",
          "there",
          "here",
          "then",
          "now",
          "again",
          "team",
          "mom",
          "dad",
          "happy",
          "big",
          "huge",
          "day",
          "week",
          "year",
          "omg",
          "lol",
          "lmao",
          "tbh",
          "imo",
          "fyi",
          "asap",
          "ceo",
          "cto",
          "cfo",
          "vp",
          "ai",
          "us",
          "uk",
          "usa",
          "eu",
          "psa",
          "dm",
          "rt",
          "pm",
          "am",
          "tv",
          "diy",
          "ugh",
          "wow",
          "yay",
          "btw",
          "idk",
          "irl",
          "smh",
          "wtf",
          "ffs",
          "fml",
          "rip",
          "lets",
          "let's",
          "been",
          "being",
          "after",
          "update",
          "quick",
          "question",
          "looking",
          "need",
          "day",
          "since",
          "because",
          "never",
          "always",
          "seriously",
          "honestly",
          "literally",
          "really",
          "why's",
          "what's",
          "that's",
          "there's",
          "here's",
          "he's",
          "she's",
          "we're",
          "they're",
          "you're",
          "time",
          "love",
          "hate",
          "great",
          "good",
          "bad",
          "best",
          "worst",
          "nothing",
          "something",
          "everything",
          "please",
          "help",
          "switching",
          "moving",
          "trying",
          "anyone's",
          "does",
          "most",
          "more",
          "less",
          "very",
          "too",
          "even",
          "only",
          "both",
          "crm",
          "erp",
          "saas",
          "api",
          "hr",
          "seo",
          "ux",
          "ui",
          "b2b",
          "b2c",
          "kpi",
          "roi",
          "head",
          "director",
          "manager",
          "senior",
          "lead",
          "chief",
          "officer",
          "engineer",
          "sales",
          "marketing",
          "president",
          "founder",
          "cofounder",
          "co-founder",
          "partner",
          "associate",
          "analyst",
          "operations",
          "product",
          "engineering",
          "customer",
          "success",
          "account",
          "executive",
          "global",
          "regional",
          "principal",
          "staff",
          "intern",
          "consultant",
          "crms",
          "linkedin");

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
  private static final Set<String> AFTER_NAME =
      Words.of(
          "is",
          "was",
          "has",
          "have",
          "keeps",
          "kept",
          "just",
          "still",
          "won't",
          "doesn't",
          "isn't",
          "wasn't",
          "didn't",
          "can't",
          "support",
          "app",
          "customer",
          "charged",
          "lost",
          "cancelled",
          "canceled",
          "delayed",
          "needs",
          "never",
          "really",
          "always",
          "are",
          "team",
          "service",
          "will",
          "went",
          "crashed",
          "deleted",
          "broke",
          "sent",
          "refused",
          "changed",
          "raised",
          "delivered",
          "charged",
          "closed",
          "replied",
          "told",
          "refuses",
          "says",
          "said",
          "notifications",
          "mobile",
          "order",
          "delivery",
          "driver",
          "staff",
          "maps",
          "search",
          "dashboard",
          "renewal",
          "status",
          "website",
          "account",
          "billing",
          "subscription",
          "premium",
          "pro",
          "plus",
          "prime",
          "cloud",
          "pay",
          "store",
          "bike",
          "printer",
          "instructions",
          "self",
          "tech",
          "chat",
          "shipping",
          "stopped",
          "made",
          "took",
          "gave",
          "holding",
          "sold",
          "locked",
          "suspended",
          "reps",
          "agent",
          "update",
          "upgrade",
          "now",
          "shopper",
          "host",
          "seller",
          "tracking",
          "refund",
          "sync",
          "ads",
          "surge",
          "instructor",
          "rep",
          "agent",
          "customers",
          "users",
          "login",
          "checkout",
          "wants",
          "keeps",
          "charges",
          "charging",
          "won't",
          "forgot",
          "ate",
          "lost");

  boolean isName(int i) {
    return i >= 0 && i < name.length && name[i];
  }

  String display(int i) {
    return display[i];
  }
}
