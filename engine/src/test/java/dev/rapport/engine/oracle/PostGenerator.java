package dev.rapport.engine.oracle;

import dev.rapport.engine.match.Post;
import dev.rapport.engine.rules.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates social posts: Zipf-distributed words dressed as people write them (capitals, accents,
 * elongations, #hashtags, @mentions, URLs, emoji, emoticons), with metadata, and plants the words
 * of a rule into a post so that a chosen share of posts match.
 */
public final class PostGenerator {
  private static final String[] EMOJI = {
    "😀", "👍🏽", "❤️", "🇫🇷", "👩‍💻", "🎉", ":)", ":-(", "<3"
  };
  public static final String[] NETWORKS = {"mastodon", "bluesky", "rss"};
  public static final String[] LANGS = {"en", "fr", "de"};

  private final Vocabulary vocabulary;
  private final Random random;

  private final ListeningRuleGenerator brands;
  private final double brandRate;

  public PostGenerator(Vocabulary vocabulary, Random random) {
    this(vocabulary, random, null, 0);
  }

  /** Posts where each word is, with probability brandRate, a random brand name instead. */
  public PostGenerator(
      Vocabulary vocabulary, Random random, ListeningRuleGenerator brands, double brandRate) {
    this.vocabulary = vocabulary;
    this.random = random;
    this.brands = brands;
    this.brandRate = brandRate;
  }

  private String word() {
    return brands != null && random.nextDouble() < brandRate
        ? brands.randomBrand()
        : vocabulary.sample(random);
  }

  /** A post of 20 to 40 tokens. */
  public Post next() {
    int length = 20 + random.nextInt(21);
    List<String> words = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      words.add(dress(word()));
    }
    return new Post(
        String.join(" ", words),
        "user" + random.nextInt(50),
        NETWORKS[random.nextInt(NETWORKS.length)],
        LANGS[random.nextInt(LANGS.length)],
        "https://www.site" + random.nextInt(20) + ".com/post/" + random.nextInt(1000),
        random.nextInt(4) == 0
            ? dress(vocabulary.sample(random)) + " " + vocabulary.sample(random)
            : null);
  }

  private String dress(String word) {
    int r = random.nextInt(100);
    if (r < 4) {
      return "#" + word;
    } else if (r < 6) {
      return "@" + word;
    } else if (r < 8) {
      return EMOJI[random.nextInt(EMOJI.length)];
    } else if (r < 9) {
      return "https://blog.site" + random.nextInt(20) + ".com/" + word;
    } else if (r < 14) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    } else if (r < 17) {
      return word.replace('e', 'é');
    } else if (r < 19) {
      return word + word.charAt(word.length() - 1) + word.charAt(word.length() - 1) + ",";
    }
    return word;
  }

  /** The post with words (and metadata) that satisfy the rule's positive parts. */
  public Post plant(Post post, Expr rule) {
    Planting p = new Planting(post);
    plant(rule, p, "text");
    String[] words = post.text().split(" ");
    int at = random.nextInt(words.length + 1);
    List<String> out = new ArrayList<>(List.of(words));
    out.addAll(at, p.words);
    String title = p.title.isEmpty() ? post.title() : String.join(" ", p.title);
    return new Post(String.join(" ", out), p.author, p.network, p.lang, p.url, title);
  }

  private static final class Planting {
    final List<String> words = new ArrayList<>();
    final List<String> title = new ArrayList<>();
    String author;
    String network;
    String lang;
    String url;

    Planting(Post post) {
      author = post.author();
      network = post.network();
      lang = post.lang();
      url = post.url();
    }
  }

  private void plant(Expr e, Planting p, String field) {
    List<String> target = field.equals("title") ? p.title : p.words;
    if (e instanceof Expr.Term t) {
      switch (field) {
        case "author" -> p.author = t.text();
        case "network" -> p.network = t.text();
        case "lang" -> p.lang = t.text();
        case "site" -> p.url = "https://" + t.text() + "/x";
        case "links" -> p.words.add("http://" + t.text() + "/y");
        default -> target.add(t.text());
      }
    } else if (e instanceof Expr.Wildcard w) {
      target.add(w.pattern().replace('?', 'e').replace("*", random.nextBoolean() ? "" : "ing"));
    } else if (e instanceof Expr.Phrase ph) {
      target.addAll(ph.terms());
    } else if (e instanceof Expr.And a) {
      a.children().forEach(c -> plant(c, p, field));
    } else if (e instanceof Expr.Or o) {
      plant(o.children().get(random.nextInt(o.children().size())), p, field);
    } else if (e instanceof Expr.Near n) {
      plant(n.left(), p, field);
      plant(n.right(), p, field);
    } else if (e instanceof Expr.Field f) {
      plant(f.value(), p, f.name());
    }
  }
}
