package dev.rapport.engine.match;

import static dev.rapport.engine.match.RuleCompiler.PATTERN;

import dev.rapport.engine.rules.Rule;
import dev.rapport.engine.text.Token;
import dev.rapport.engine.text.Tokenizer;
import dev.rapport.engine.text.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Holds standing rules and tells which of them a post matches, with the spans to highlight. Each
 * rule is compiled to an int program and indexed under one anchor term (under each alternative when
 * it is an OR), its rarest required term by an estimate, so a post is only checked against rules
 * whose anchor it holds. Thread-safe: any number of threads match while rules are put and removed;
 * a batch sees one state of the rules.
 */
public final class Matcher {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TermDictionary dict = new TermDictionary();
  private final Wildcards wildcards = new Wildcards();
  private final RuleCompiler compiler = new RuleCompiler(dict);
  private final Map<String, Integer> slotById = new HashMap<>();
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  private String[] ids = new String[64];
  private int[][] code = new int[64][];
  private int[][] anchors = new int[64][];
  private int slotCount;
  private int[] free = new int[16];
  private int freeCount;

  private int[][] postings = new int[256][];
  private int[] postingSize = new int[256];
  private int[] refs = new int[256];
  private float[] textCost = new float[256];

  /** Terms in use per namespace, so posts skip fields no rule asks about. */
  private final int[] fieldTerms = new int[16];

  private final FieldLookups fields = new FieldLookups(dict, fieldTerms);

  /** Adds a rule, or replaces the rule with the same id. */
  public void put(String id, Rule rule) {
    // Long: compile, index and publish happen under one write lock, in the order concurrent readers
    // rely on.
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
    lock.writeLock().lock();
    try {
      removeLocked(id);
      int[] program = compiler.compile(rule.expr());
      int slot = freeCount > 0 ? free[--freeCount] : slotCount++;
      if (slot >= ids.length) {
        int n = ids.length * 2;
        ids = Arrays.copyOf(ids, n);
        code = Arrays.copyOf(code, n);
        anchors = Arrays.copyOf(anchors, n);
      }
      ids[slot] = id;
      code[slot] = program;
      slotById.put(id, slot);
      growTerms(dict.size());
      int[] terms = Evaluator.termIds(program);
      for (int term : terms) {
        if (refs[term]++ == 0) {
          textCost[term] = (float) RuleCompiler.textCost(dict.namespace(term), dict.text(term));
          fieldTerms[dict.namespace(term)]++;
          if (dict.namespace(term) >= PATTERN) {
            wildcards.add(dict.namespace(term) - PATTERN, term, dict.text(term));
          }
        }
      }
      anchors[slot] = RuleCompiler.anchors(program, this::cost);
      for (int term : anchors[slot]) {
        addPosting(term, slot);
      }
      for (int term : terms) {
        int r = refs[term];
        if (r >= 4 && (r & (r - 1)) == 0) {
          reanchor(term);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes a rule; false when no rule had that id. */
  public boolean remove(String id) {
    lock.writeLock().lock();
    try {
      return removeLocked(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many rules are held. */
  public int size() {
    lock.readLock().lock();
    try {
      return slotById.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Terms and wildcard prefixes held, for tests. */
  int termCount() {
    lock.readLock().lock();
    try {
      return dict.live() + wildcards.prefixCount();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The texts of the terms a rule is indexed under, for tests. */
  List<String> anchorTexts(String id) {
    lock.readLock().lock();
    try {
      Integer slot = slotById.get(id);
      return slot == null
          ? List.of()
          : Arrays.stream(anchors[slot]).mapToObj(dict::text).sorted().toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The rules a post matches, in no particular order. */
  public List<Match> match(Post post) {
    Objects.requireNonNull(post, "post");
    Scratch s = scratch.get();
    lock.readLock().lock();
    try {
      return matchLocked(post, s);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The rules a post with only text matches. */
  public List<Match> match(String text) {
    return match(Post.of(text));
  }

  /** Matches a batch of posts against one state of the rules; results in the order of the posts. */
  public List<List<Match>> matchAll(List<Post> posts) {
    Scratch s = scratch.get();
    List<List<Match>> results = new ArrayList<>(posts.size());
    lock.readLock().lock();
    try {
      for (Post post : posts) {
        results.add(matchLocked(Objects.requireNonNull(post, "post"), s));
      }
    } finally {
      lock.readLock().unlock();
    }
    return results;
  }

  private boolean removeLocked(String id) {
    Integer slot = slotById.remove(id);
    if (slot == null) {
      return false;
    }
    for (int term : anchors[slot]) {
      removePosting(term, slot);
    }
    for (int term : Evaluator.termIds(code[slot])) {
      if (--refs[term] == 0) {
        fieldTerms[dict.namespace(term)]--;
        if (dict.namespace(term) >= PATTERN) {
          wildcards.remove(dict.namespace(term) - PATTERN, term, dict.text(term));
        }
        dict.remove(term);
      }
    }
    ids[slot] = null;
    code[slot] = null;
    anchors[slot] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = slot;
    return true;
  }

  /**
   * How often a term is guessed to occur in posts: its text's guess ({@link RuleCompiler#textCost})
   * times the number of rules that use it, since words many rules share (context words, network:,
   * lang:) are common where a brand named by a few rules is rare.
   */
  private double cost(int term) {
    return (double) textCost[term] * refs[term];
  }

  /**
   * Chooses again the anchors of the rules anchored on a term whose rule count has just doubled, so
   * that rules put before a term turned out to be common move to a rarer one.
   */
  private void reanchor(int term) {
    int n = postingSize[term];
    if (n == 0) {
      return;
    }
    for (int rule : Arrays.copyOf(postings[term], n)) {
      int[] chosen = RuleCompiler.anchors(code[rule], this::cost);
      if (!Arrays.equals(chosen, anchors[rule])) {
        for (int t : anchors[rule]) {
          removePosting(t, rule);
        }
        anchors[rule] = chosen;
        for (int t : chosen) {
          addPosting(t, rule);
        }
      }
    }
  }

  private void growTerms(int terms) {
    if (terms > postings.length) {
      int n = Math.max(terms, postings.length * 2);
      postings = Arrays.copyOf(postings, n);
      postingSize = Arrays.copyOf(postingSize, n);
      refs = Arrays.copyOf(refs, n);
      textCost = Arrays.copyOf(textCost, n);
    }
  }

  private void addPosting(int term, int slot) {
    int[] list = postings[term];
    int n = postingSize[term];
    if (list == null) {
      dict.anchor(term, true);
      list = new int[1];
    } else if (n == list.length) {
      list = Arrays.copyOf(list, n < 8 ? n + 1 : n + (n >> 1));
    }
    list[n] = slot;
    postings[term] = list;
    postingSize[term] = n + 1;
  }

  private void removePosting(int term, int slot) {
    int[] list = postings[term];
    int n = postingSize[term];
    for (int i = 0; i < n; i++) {
      if (list[i] == slot) {
        list[i] = list[n - 1];
        postingSize[term] = n - 1;
        if (n - 1 == 0) {
          postings[term] = null;
          dict.anchor(term, false);
        }
        return;
      }
    }
  }

  private List<Match> matchLocked(Post post, Scratch s) {
    // Long: the per-post hot loop (text, fields, links, anchors, candidates) in one frame over
    // one scratch; bench/matching.sh measures it.
    s.ensure(slotCount);
    s.beginPost();
    Tokenizer.tokenize(post.text(), s.text);
    record(s.text, RuleCompiler.TEXT, 0, s, s.textIds(s.text.size()));
    boolean title = post.title() != null;
    if (title) {
      Tokenizer.tokenize(post.title(), s.title);
      record(s.title, RuleCompiler.TITLE, Scratch.TITLE_BIT, s, s.titleIds(s.title.size()));
    }
    fields.field(RuleCompiler.AUTHOR, post.author(), s);
    fields.field(RuleCompiler.NETWORK, post.network(), s);
    fields.field(RuleCompiler.LANG, post.lang(), s);
    if (fieldTerms[RuleCompiler.LINKS] != 0) {
      List<String> links = post.links();
      for (int i = 0, n = links.size(); i < n; i++) {
        fields.link(links.get(i), s);
      }
    }
    if (post.url() != null && fieldTerms[RuleCompiler.SITE] != 0) {
      String url = post.url();
      char[] chars = s.url(url.length());
      url.getChars(0, url.length(), chars, 0);
      int n = Domains.asciiHost(chars, 0, url.length(), s.key(url.length()));
      if (n >= 0) {
        fields.domains(RuleCompiler.SITE, s.key, n, s);
      } else {
        fields.domains(RuleCompiler.SITE, Domains.host(url.toLowerCase(java.util.Locale.ROOT)), s);
      }
    }
    // Only anchors (and fields, hosts and wildcards) are recorded so far; most posts hold none.
    int anchored = s.slotCount;
    boolean candidates = false;
    for (int slot = 0; slot < anchored && !candidates; slot++) {
      candidates = postingSize[s.slotTerm[slot]] > 0;
    }
    if (!candidates) {
      return List.of();
    }
    deferred(s.text, RuleCompiler.TEXT, 0, s, s.textIds);
    if (title) {
      deferred(s.title, RuleCompiler.TITLE, Scratch.TITLE_BIT, s, s.titleIds);
    }
    List<Match> result = null;
    for (int slot = 0; slot < anchored; slot++) {
      int term = s.slotTerm[slot];
      int[] list = postings[term];
      for (int i = 0, n = postingSize[term]; i < n; i++) {
        int rule = list[i];
        if (s.firstVisit(rule) && Evaluator.eval(code[rule], 0, s)) {
          if (result == null) {
            result = new ArrayList<>(4);
          }
          result.add(new Match(ids[rule], spans(Evaluator.evidence(code[rule], s), s)));
        }
      }
    }
    return result == null ? List.of() : result;
  }

  /**
   * Records the tokens whose terms may be anchors, every wildcard pattern and linked host; the
   * other tokens are left {@link TermDictionary#DEFERRED} in ids, for {@link #deferred}.
   */
  private void record(Tokens t, int ns, int tokenBit, Scratch s, int[] ids) {
    char[] chars = t.chars();
    boolean probe = !wildcards.isEmpty();
    dict.findAll(ns, t, ids, s.entries(t.size()), true);
    for (int i = 0, n = t.size(); i < n; i++) {
      int off = t.termStart(i);
      int len = t.termLength(i);
      int pos = t.position(i);
      int id = ids[i];
      if (id >= 0) {
        s.occur(id, pos, i | tokenBit);
      }
      if (probe) {
        wildcards.probe(ns, chars, off, len, s, pos, i | tokenBit);
      }
      if (ns == RuleCompiler.TEXT
          && fieldTerms[RuleCompiler.LINKS] != 0
          && t.kind(i) == Token.Kind.URL) {
        int hostLength = Domains.asciiHost(chars, off, len, s.key(len));
        if (hostLength >= 0) {
          fields.domains(RuleCompiler.LINKS, s.key, hostLength, s);
        } else {
          fields.domains(RuleCompiler.LINKS, Domains.host(t.text(i)), s);
        }
      }
    }
  }

  /**
   * Records the tokens record() left aside (surely not anchors), once the post has candidates whose
   * programs may ask about them. A term's occurrences all arrive in one of the two passes, in
   * order.
   */
  private void deferred(Tokens t, int ns, int tokenBit, Scratch s, int[] ids) {
    char[] chars = t.chars();
    for (int i = 0, n = t.size(); i < n; i++) {
      if (ids[i] == TermDictionary.DEFERRED) {
        int off = t.termStart(i);
        int id = dict.find(ns, chars, off, t.termLength(i), t.hash(i));
        if (id >= 0) {
          s.occur(id, t.position(i), i | tokenBit);
        }
      }
    }
  }

  private static List<Span> spans(int[] tokens, Scratch s) {
    List<Span> spans = new ArrayList<>(tokens.length);
    for (int token : tokens) {
      boolean inTitle = (token & Scratch.TITLE_BIT) != 0;
      Tokens t = inTitle ? s.title : s.text;
      int i = token & ~Scratch.TITLE_BIT;
      spans.add(new Span(t.start(i), t.end(i), inTitle));
    }
    return spans;
  }
}
