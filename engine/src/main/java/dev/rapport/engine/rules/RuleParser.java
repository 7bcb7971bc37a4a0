package dev.rapport.engine.rules;

import dev.rapport.engine.rules.Lexer.Lexeme;
import dev.rapport.engine.rules.Lexer.Type;
import dev.rapport.engine.text.Token;
import dev.rapport.engine.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses listening rules. Never throws on bad input: every problem comes back as a {@link
 * ParseError} with the column it points at. Limits on length, nesting, terms and wildcards keep one
 * rule from costing the matcher more than a rule should.
 */
public final class RuleParser {

  /** How big a rule may be. */
  public record Limits(
      int maxLength,
      int maxDepth,
      int maxTerms,
      int maxWildcards,
      int minWildcardPrefix,
      int maxDistance) {
    public static final Limits DEFAULT = new Limits(4096, 16, 128, 8, 2, 100);
  }

  private final List<Lexeme> lexemes;
  private final Limits limits;
  private int at;
  private int depth;
  private int terms;
  private int wildcards;
  private final List<ParseWarning> warnings = new ArrayList<>();

  private RuleParser(List<Lexeme> lexemes, Limits limits) {
    this.lexemes = lexemes;
    this.limits = limits;
  }

  /** Parses a rule with the default limits. */
  public static ParseResult parse(String text) {
    return parse(text, Limits.DEFAULT);
  }

  public static ParseResult parse(String text, Limits limits) {
    return run(text, limits).result();
  }

  /**
   * What a rule the parser accepts may not say the way its author meant: operators whose grouping
   * differs between products (NOT before OR, AND and OR mixed without brackets), each with the
   * grouping Rapport reads. Empty for a refused rule, whose error says more.
   */
  public static List<ParseWarning> warnings(String text) {
    return run(text, Limits.DEFAULT).warnings();
  }

  private record Outcome(ParseResult result, List<ParseWarning> warnings) {}

  private static Outcome run(String text, Limits limits) {
    if (text == null || text.isBlank()) {
      return refused(new ParseError("the rule is empty", 1));
    }
    if (text.length() > limits.maxLength()) {
      return refused(
          new ParseError(
              "the rule is longer than " + limits.maxLength() + " characters",
              limits.maxLength() + 1));
    }
    try {
      RuleParser parser = new RuleParser(Lexer.lex(text, limits.maxDistance()), limits);
      Node root = parser.or();
      Lexeme rest = parser.peek();
      if (rest.type() != Type.EOF) {
        throw new RuleSyntaxException(
            rest.type() == Type.RPAREN ? "this ) has no ( to close" : "unexpected " + rest.text(),
            rest.column());
      }
      if (root.expr() instanceof Expr.Not) {
        throw RuleSyntaxException.needsPositive(root.column());
      }
      return new Outcome(new Rule(root.expr()), List.copyOf(parser.warnings));
    } catch (RuleSyntaxException e) {
      return refused(new ParseError(e.getMessage(), e.column));
    } catch (RuntimeException e) {
      return refused(new ParseError("internal parser error (" + e + ")", 1));
    }
  }

  private static Outcome refused(ParseError error) {
    return new Outcome(error, List.of());
  }

  private record Node(Expr expr, int column, boolean bracketed) {
    Node(Expr expr, int column) {
      this(expr, column, false);
    }
  }

  private Lexeme peek() {
    return lexemes.get(at);
  }

  private Lexeme next() {
    return lexemes.get(at++);
  }

  private Node or() {
    Node first = and();
    if (peek().type() != Type.OR) {
      return first;
    }
    List<Expr> children = new ArrayList<>();
    List<Node> parts = new ArrayList<>(List.of(first));
    addOrChild(children, first);
    while (peek().type() == Type.OR) {
      next();
      Node part = and();
      parts.add(part);
      addOrChild(children, part);
    }
    Expr or = new Expr.Or(children);
    warnAboutGrouping(parts, or);
    return new Node(or, first.column());
  }

  /** AND (and NOT) bind tighter than OR here; some products read it the other way round. */
  private void warnAboutGrouping(List<Node> parts, Expr or) {
    for (Node part : parts) {
      if (part.bracketed() || !(part.expr() instanceof Expr.And and)) {
        continue;
      }
      String readAs = Printer.print(or);
      if (and.children().stream().anyMatch(c -> c instanceof Expr.Not)) {
        warnings.add(
            new ParseWarning(
                "NOT excludes only what stands next to it: read as "
                    + readAs
                    + "; add brackets if you meant the NOT to cover the OR too",
                part.column()));
      } else {
        warnings.add(
            new ParseWarning(
                "AND binds tighter than OR: read as "
                    + readAs
                    + "; add brackets to group otherwise",
                part.column()));
      }
      return;
    }
  }

  private static void addOrChild(List<Expr> children, Node node) {
    if (node.expr() instanceof Expr.Not) {
      throw RuleSyntaxException.needsPositive(node.column());
    }
    if (node.expr() instanceof Expr.Or or) {
      children.addAll(or.children());
    } else {
      children.add(node.expr());
    }
  }

  private Node and() {
    Node first = near();
    List<Expr> children = new ArrayList<>();
    addAndChild(children, first);
    while (true) {
      Type t = peek().type();
      if (t == Type.AND) {
        next();
      } else if (!startsOperand(t)) {
        break;
      }
      addAndChild(children, near());
    }
    if (children.size() == 1) {
      return first;
    }
    if (children.stream().allMatch(c -> c instanceof Expr.Not)) {
      throw RuleSyntaxException.needsPositive(first.column());
    }
    return new Node(new Expr.And(children), first.column());
  }

  private static void addAndChild(List<Expr> children, Node node) {
    if (node.expr() instanceof Expr.And and) {
      children.addAll(and.children());
    } else {
      children.add(node.expr());
    }
  }

  private static boolean startsOperand(Type t) {
    return t == Type.WORD
        || t == Type.PHRASE
        || t == Type.FIELD
        || t == Type.LPAREN
        || t == Type.NOT
        || t == Type.MINUS;
  }

  private Node near() {
    Node left = unary();
    if (peek().type() != Type.NEAR) {
      return left;
    }
    Lexeme op = next();
    Node right = unary();
    if (peek().type() == Type.NEAR) {
      throw new RuleSyntaxException(
          "NEAR/ joins two operands; use AND between two NEAR/ pairs", peek().column());
    }
    checkNearOperand(left);
    checkNearOperand(right);
    return new Node(
        new Expr.Near(left.expr(), right.expr(), op.number(), op.ordered()), left.column());
  }

  private static void checkNearOperand(Node node) {
    Expr e = node.expr();
    boolean ok = isSpan(e);
    if (e instanceof Expr.Or or) {
      ok = or.children().stream().allMatch(RuleParser::isSpan);
    }
    if (!ok) {
      throw new RuleSyntaxException(
          "NEAR/ works on words, exact phrases or an OR of those", node.column());
    }
  }

  private static boolean isSpan(Expr e) {
    return e instanceof Expr.Term
        || e instanceof Expr.Wildcard
        || e instanceof Expr.Phrase p && p.slop() == 0;
  }

  private Node unary() {
    Lexeme t = peek();
    if (t.type() == Type.NOT || t.type() == Type.MINUS) {
      next();
      enter(t);
      Node child = unary();
      depth--;
      if (child.expr() instanceof Expr.Not) {
        throw new RuleSyntaxException("NOT twice cancels out; remove both", t.column());
      }
      return new Node(new Expr.Not(child.expr()), t.column());
    }
    return primary();
  }

  private void enter(Lexeme t) {
    if (++depth > limits.maxDepth()) {
      throw new RuleSyntaxException(
          "the rule nests deeper than " + limits.maxDepth() + " levels", t.column());
    }
  }

  private Node primary() {
    Lexeme t = next();
    switch (t.type()) {
      case LPAREN -> {
        if (peek().type() == Type.RPAREN) {
          throw new RuleSyntaxException("empty parentheses", t.column());
        }
        enter(t);
        Node inner = or();
        depth--;
        if (peek().type() != Type.RPAREN) {
          throw new RuleSyntaxException("this ( is never closed", t.column());
        }
        next();
        return new Node(inner.expr(), t.column(), true);
      }
      case WORD -> {
        return new Node(word(t), t.column());
      }
      case PHRASE -> {
        return new Node(phrase(t), t.column());
      }
      case FIELD -> {
        return new Node(field(t), t.column());
      }
      case EOF ->
          throw new RuleSyntaxException("the rule ends where a term was expected", t.column());
      case RPAREN -> throw new RuleSyntaxException("a term is missing before )", t.column());
      case NEAR -> throw new RuleSyntaxException("NEAR/ needs a term before it", t.column());
      default -> throw new RuleSyntaxException(t.text() + " needs a term before it", t.column());
    }
  }

  private Expr word(Lexeme t) {
    String text = t.text();
    if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0) {
      return wildcard(t);
    }
    return analysed(text, 0, t.column());
  }

  private Expr wildcard(Lexeme t) {
    String raw = t.text();
    int star = raw.indexOf('*');
    if (star >= 0 && star != raw.length() - 1) {
      throw new RuleSyntaxException("* is allowed only at the end of a word", t.column() + star);
    }
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (c != '*' && c != '?' && c != '\'' && !Character.isLetterOrDigit(c)) {
        throw new RuleSyntaxException(
            "a wildcard applies to one plain word; '" + c + "' is not allowed in it",
            t.column() + k);
      }
    }
    Expr.Wildcard w = new Expr.Wildcard(Tokenizer.normalizeWord(raw));
    if (w.prefix().length() < limits.minWildcardPrefix()) {
      throw new RuleSyntaxException(
          "a wildcard needs at least " + limits.minWildcardPrefix() + " letters before * or ?",
          t.column());
    }
    if (++wildcards > limits.maxWildcards()) {
      throw new RuleSyntaxException(
          "a rule can have at most " + limits.maxWildcards() + " wildcards", t.column());
    }
    countTerms(1, t.column());
    return w;
  }

  private Expr phrase(Lexeme t) {
    if (t.text().indexOf('*') >= 0 || t.text().indexOf('?') >= 0) {
      throw new RuleSyntaxException("wildcards are not allowed inside quotes", t.column());
    }
    return analysed(t.text(), t.number(), t.column());
  }

  private Expr analysed(String text, int slop, int column) {
    List<String> words = new ArrayList<>();
    int lastPosition = -1;
    for (Token token : Tokenizer.tokenize(text)) {
      if (token.position() != lastPosition) {
        words.add(token.text());
        lastPosition = token.position();
      }
    }
    if (words.isEmpty()) {
      throw new RuleSyntaxException("'" + text + "' has nothing to search for", column);
    }
    countTerms(words.size(), column);
    return words.size() == 1 ? new Expr.Term(words.get(0)) : new Expr.Phrase(words, slop);
  }

  private void countTerms(int count, int column) {
    terms += count;
    if (terms > limits.maxTerms()) {
      throw new RuleSyntaxException(
          "a rule can have at most " + limits.maxTerms() + " terms", column);
    }
  }

  private Expr field(Lexeme t) {
    String name = t.text();
    Lexeme value = next();
    if (value.type() != Type.WORD && value.type() != Type.PHRASE) {
      throw new RuleSyntaxException(name + ": needs a value", value.column());
    }
    if (name.equals("title")) {
      return new Expr.Field(name, value.type() == Type.WORD ? word(value) : phrase(value));
    }
    if (value.type() == Type.PHRASE) {
      throw new RuleSyntaxException(name + ": takes one word, not a phrase", value.column());
    }
    String v = value.text().toLowerCase(java.util.Locale.ROOT);
    if (name.equals("author") && v.startsWith("@")) {
      v = v.substring(1);
    }
    if (name.equals("site") || name.equals("links")) {
      v = FieldValues.domain(v);
    }
    if (name.equals("lang")) {
      v = v.replace('_', '-');
    }
    String allowed = FieldValues.allowedChars(name);
    for (int k = 0; k < v.length(); k++) {
      if (!Character.isLetterOrDigit(v.charAt(k)) && allowed.indexOf(v.charAt(k)) < 0) {
        throw new RuleSyntaxException(
            name + ": does not allow '" + v.charAt(k) + "'", value.column() + k);
      }
    }
    if (v.isEmpty()) {
      throw new RuleSyntaxException(name + ": needs a value", value.column());
    }
    countTerms(1, value.column());
    return new Expr.Field(name, new Expr.Term(Tokenizer.normalizeWord(v)));
  }
}
