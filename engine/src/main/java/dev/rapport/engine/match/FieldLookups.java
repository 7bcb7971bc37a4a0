package dev.rapport.engine.match;

import dev.rapport.engine.text.Tokenizer;

/**
 * Finds the terms a post's fields hold (author, network, language, site and linked domains, with
 * each parent domain) in the matcher's dictionary and records them in the scratch, as the matcher
 * does for the words of the text. Reads the dictionary and the per-namespace term counts the
 * matcher keeps; callers hold the matcher's read lock.
 */
final class FieldLookups {

  private final TermDictionary dict;
  private final int[] fieldTerms;

  FieldLookups(TermDictionary dict, int[] fieldTerms) {
    this.dict = dict;
    this.fieldTerms = fieldTerms;
  }

  /** Records the host (and parent domains) of a URL the post links to outside its text. */
  void link(String url, Scratch s) {
    if (url == null || url.isEmpty()) {
      return;
    }
    char[] chars = s.url(url.length());
    url.getChars(0, url.length(), chars, 0);
    int n = Domains.asciiHost(chars, 0, url.length(), s.key(url.length()));
    if (n >= 0) {
      domains(RuleCompiler.LINKS, s.key, n, s);
    } else {
      domains(RuleCompiler.LINKS, Domains.host(url.toLowerCase(java.util.Locale.ROOT)), s);
    }
  }

  /**
   * Looks each of a field's space-separated values up (author without a leading @), normalised as
   * rules are; a language tag also by its primary subtag, so lang:en finds en-US. All-ASCII values
   * straight from a scratch buffer, others through the tokenizer's normalisation.
   */
  void field(int ns, String value, Scratch s) {
    if (value == null || value.isEmpty() || fieldTerms[ns] == 0) {
      return;
    }
    for (int from = 0, len = value.length(); from < len; ) {
      int to = from;
      while (to < len && value.charAt(to) != ' ') {
        to++;
      }
      if (to > from) {
        value(ns, value, from, to, s);
        if (ns == RuleCompiler.LANG) {
          int dash = from;
          while (dash < to && value.charAt(dash) != '-' && value.charAt(dash) != '_') {
            dash++;
          }
          if (dash < to && dash > from) {
            value(ns, value, from, dash, s);
          }
        }
      }
      from = to + 1;
    }
  }

  private void value(int ns, String value, int from, int to, Scratch s) {
    if (ns == RuleCompiler.AUTHOR && value.charAt(from) == '@') {
      from++;
    }
    char[] key = s.key(to - from);
    int n = Domains.asciiValue(value, from, to, key);
    if (ns == RuleCompiler.LANG) {
      for (int i = 0; i < n; i++) {
        if (key[i] == '_') {
          key[i] = '-';
        }
      }
    }
    int id;
    if (n >= 0) {
      id = dict.find(ns, key, 0, n, TermDictionary.rawHash(key, 0, n));
    } else {
      String v = value.substring(from, to).toLowerCase(java.util.Locale.ROOT);
      id = lookup(ns, Tokenizer.normalizeWord(v), s);
    }
    if (id >= 0) {
      s.occur(id, 0, Scratch.NO_TOKEN);
    }
  }

  /** Looks up a normalised host in key[0, n) and each of its parent domains. */
  void domains(int ns, char[] key, int n, Scratch s) {
    for (int from = 0; from < n; ) {
      int id = dict.find(ns, key, from, n - from, TermDictionary.rawHash(key, from, n));
      if (id >= 0) {
        s.occur(id, 0, Scratch.NO_TOKEN);
      }
      int dot = from;
      while (dot < n && key[dot] != '.') {
        dot++;
      }
      from = dot + 1;
    }
  }

  void domains(int ns, String host, Scratch s) {
    if (host.isEmpty()) {
      return;
    }
    if (fieldTerms[ns] == 0) {
      return;
    }
    String normal = Tokenizer.normalizeWord(host);
    for (int from = 0; from >= 0; ) {
      int id = lookup(ns, normal.substring(from), s);
      if (id >= 0) {
        s.occur(id, 0, Scratch.NO_TOKEN);
      }
      int dot = normal.indexOf('.', from);
      from = dot < 0 ? -1 : dot + 1;
    }
  }

  private int lookup(int ns, String value, Scratch s) {
    char[] key = s.key(value.length());
    value.getChars(0, value.length(), key, 0);
    return dict.find(ns, key, 0, value.length(), TermDictionary.rawHash(key, 0, value.length()));
  }
}
