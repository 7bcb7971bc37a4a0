package dev.rapport.engine.oracle;

import dev.rapport.engine.rules.Expr;
import java.util.List;
import java.util.Random;

/**
 * Generates rules shaped like real listening rules for the benchmark: each is about a brand (a word
 * that ordinary posts rarely hold) with context words from the common vocabulary, in the mix of
 * shapes people write: the brand alone, brand variants OR'd, brand AND context minus noise, "brand
 * phrases", brand NEAR/n context, brand prefixes*, and field filters.
 */
public final class ListeningRuleGenerator {
  private final Vocabulary common;
  private final Random random;
  private final int brandCount;

  public ListeningRuleGenerator(Vocabulary common, Random random, int brandCount) {
    this.common = common;
    this.random = random;
    this.brandCount = brandCount;
  }

  /** A brand name: a common word with a number, so it is never a common word itself. */
  public String randomBrand() {
    int b = random.nextInt(brandCount);
    return common.word(b % common.size()) + (1000 + b / common.size() * 7 % 9000);
  }

  private String context() {
    return common.uniform(random, 20, Math.min(5000, common.size()));
  }

  public Expr next() {
    int r = random.nextInt(100);
    Expr brand = new Expr.Term(randomBrand());
    if (r < 30) {
      return brand;
    } else if (r < 45) {
      String b = randomBrand();
      return new Expr.Or(
          List.of(new Expr.Term(b), new Expr.Term("#" + b), new Expr.Term(randomBrand())));
    } else if (r < 60) {
      return new Expr.And(
          List.of(
              brand,
              new Expr.Or(List.of(new Expr.Term(context()), new Expr.Term(context()))),
              new Expr.Not(new Expr.Term(context()))));
    } else if (r < 70) {
      return new Expr.Phrase(List.of(randomBrand(), context()), random.nextInt(3) == 0 ? 2 : 0);
    } else if (r < 80) {
      return new Expr.Near(
          brand,
          new Expr.Or(List.of(new Expr.Term(context()), new Expr.Term(context()))),
          1 + random.nextInt(5),
          random.nextBoolean());
    } else if (r < 88) {
      String b = randomBrand();
      return new Expr.And(
          List.of(
              new Expr.Wildcard(b.substring(0, b.length() - 2) + "*"), new Expr.Term(context())));
    } else if (r < 95) {
      Expr field =
          switch (random.nextInt(3)) {
            case 0 -> new Expr.Field("lang", new Expr.Term(PostGenerator.LANGS[random.nextInt(3)]));
            case 1 ->
                new Expr.Field("network", new Expr.Term(PostGenerator.NETWORKS[random.nextInt(3)]));
            default -> new Expr.Field("site", new Expr.Term("site" + random.nextInt(20) + ".com"));
          };
      return new Expr.And(List.of(brand, field));
    }
    return new Expr.And(
        List.of(
            new Expr.Or(List.of(brand, new Expr.Term(randomBrand()))),
            new Expr.Not(
                new Expr.Or(
                    List.of(
                        new Expr.Phrase(List.of(context(), context()), 0),
                        new Expr.Term(context()))))));
  }
}
