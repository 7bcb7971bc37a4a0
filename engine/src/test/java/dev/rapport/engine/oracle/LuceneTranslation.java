package dev.rapport.engine.oracle;

import dev.rapport.engine.match.Post;
import dev.rapport.engine.rules.Expr;
import dev.rapport.engine.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Translates Rapport rules to Lucene queries and posts to Lucene documents, so that Lucene Monitor
 * can serve as the matcher's oracle and baseline. Semantics chosen on purpose and mirrored here:
 * "phrase"~n finds the words in any order within a window with at most n other words (an unordered
 * SpanNearQuery with slop n, not Lucene's sloppy PhraseQuery, which charges a reordering as moves);
 * NEAR/n is a SpanNearQuery with slop n; NOT only ever excludes from an AND (Lucene's MUST_NOT);
 * site: and links: match the host and every parent domain.
 */
public final class LuceneTranslation {
  public static final String TEXT = "text";
  private static final List<String> KEYWORD_FIELDS =
      List.of("author", "network", "lang", "site", "links");

  private LuceneTranslation() {}

  /** The analyzer for documents made by {@link #document}. */
  public static Analyzer analyzer() {
    Analyzer keyword = new WhitespaceAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new SocialAnalyzer(),
        Map.of(
            "author", keyword, "network", keyword, "lang", keyword, "site", keyword, "links",
            keyword));
  }

  public static Document document(Post post) {
    Document doc = new Document();
    doc.add(new TextField(TEXT, post.text(), Field.Store.NO));
    if (post.title() != null) {
      doc.add(new TextField("title", post.title(), Field.Store.NO));
    }
    String author = post.author();
    if (author != null && author.startsWith("@")) {
      author = author.substring(1);
    }
    keyword(doc, "author", author);
    keyword(doc, "network", post.network());
    keyword(doc, "lang", post.lang());
    if (post.url() != null) {
      doc.add(new TextField("site", domains(host(post.url())), Field.Store.NO));
    }
    List<String> links = new ArrayList<>();
    for (dev.rapport.engine.text.Token t : Tokenizer.tokenize(post.text())) {
      if (t.kind() == dev.rapport.engine.text.Token.Kind.URL) {
        links.add(domains(host(t.text())));
      }
    }
    if (!links.isEmpty()) {
      doc.add(new TextField("links", String.join(" ", links), Field.Store.NO));
    }
    return doc;
  }

  private static void keyword(Document doc, String field, String value) {
    if (value != null && !value.isEmpty()) {
      doc.add(
          new TextField(
              field, Tokenizer.normalizeWord(value.toLowerCase(Locale.ROOT)), Field.Store.NO));
    }
  }

  static String host(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    int from = u.indexOf("://");
    from = from < 0 ? 0 : from + 3;
    int to = from;
    while (to < u.length() && "/?#:".indexOf(u.charAt(to)) < 0) {
      to++;
    }
    String host = u.substring(from, to);
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static String domains(String host) {
    String h = Tokenizer.normalizeWord(host);
    List<String> all = new ArrayList<>();
    for (int from = 0; from >= 0 && !h.isEmpty(); ) {
      all.add(h.substring(from));
      int dot = h.indexOf('.', from);
      from = dot < 0 ? -1 : dot + 1;
    }
    return String.join(" ", all);
  }

  public static Query query(Expr e) {
    return query(e, TEXT);
  }

  private static Query query(Expr e, String field) {
    if (e instanceof Expr.Term t) {
      return new TermQuery(new Term(field, t.text()));
    }
    if (e instanceof Expr.Wildcard w) {
      return multiTerm(w, field);
    }
    if (e instanceof Expr.Phrase p) {
      if (p.slop() == 0) {
        return new PhraseQuery(field, p.terms().toArray(String[]::new));
      }
      SpanQuery[] terms =
          p.terms().stream()
              .map(t -> new SpanTermQuery(new Term(field, t)))
              .toArray(SpanQuery[]::new);
      return new SpanNearQuery(terms, p.slop(), false);
    }
    if (e instanceof Expr.And a) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (Expr child : a.children()) {
        if (child instanceof Expr.Not n) {
          b.add(query(n.child(), field), Occur.MUST_NOT);
        } else {
          b.add(query(child, field), Occur.MUST);
        }
      }
      return b.build();
    }
    if (e instanceof Expr.Or o) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (Expr child : o.children()) {
        b.add(query(child, field), Occur.SHOULD);
      }
      return b.build();
    }
    if (e instanceof Expr.Near n) {
      return new SpanNearQuery(
          new SpanQuery[] {span(n.left(), field), span(n.right(), field)},
          n.distance(),
          n.ordered());
    }
    if (e instanceof Expr.Field f) {
      return query(f.value(), f.name());
    }
    throw new IllegalArgumentException("NOT outside an AND cannot be translated: " + e);
  }

  private static Query multiTerm(Expr.Wildcard w, String field) {
    String p = w.pattern();
    if (p.endsWith("*") && p.indexOf('?') < 0) {
      return new PrefixQuery(new Term(field, p.substring(0, p.length() - 1)));
    }
    return new WildcardQuery(new Term(field, p));
  }

  private static SpanQuery span(Expr e, String field) {
    if (e instanceof Expr.Term t) {
      return new SpanTermQuery(new Term(field, t.text()));
    }
    if (e instanceof Expr.Wildcard w) {
      Query q = multiTerm(w, field);
      return q instanceof PrefixQuery pq
          ? new SpanMultiTermQueryWrapper<>(pq)
          : new SpanMultiTermQueryWrapper<>((WildcardQuery) q);
    }
    if (e instanceof Expr.Phrase p) {
      SpanQuery[] terms =
          p.terms().stream()
              .map(t -> new SpanTermQuery(new Term(field, t)))
              .toArray(SpanQuery[]::new);
      return new SpanNearQuery(terms, 0, true);
    }
    if (e instanceof Expr.Or o) {
      return new SpanOrQuery(
          o.children().stream().map(c -> span(c, field)).toArray(SpanQuery[]::new));
    }
    throw new IllegalArgumentException("not a span operand: " + e);
  }
}
