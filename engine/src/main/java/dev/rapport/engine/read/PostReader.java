package dev.rapport.engine.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one short social post: language, sentiment, intents, life events and topics, each with the
 * evidence that produced it. English only; other languages get an unsupported reading. A reader is
 * immutable and safe to share between threads; build one and reuse it.
 */
public final class PostReader {

  /** Longer texts are read up to this many characters; social posts are far shorter. */
  public static final int MAX_CHARS = 20_000;

  private final Lexicon lexicon;
  private final SentimentReader sentiment;
  private final Cues intentCues;
  private final Cues eventCues;
  private final IntentReader intents;
  private final EventReader events;
  private final TopicReader topics;

  private PostReader(boolean learned) {
    lexicon = Lexicon.load();
    sentiment =
        new SentimentReader(
            lexicon,
            Cues.load("sentiment_cues.tsv"),
            learned ? SentimentModel.load("sentiment_model.tsv", "sentiment_strength.tsv") : null);
    intents =
        new IntentReader(
            learned
                ? LabelModel.load(
                    "intent_model.tsv", IntentReader.DENSE, IntentReader.INTENTS.size())
                : null);
    events =
        new EventReader(
            learned
                ? LabelModel.load("event_model.tsv", EventReader.DENSE, EventReader.EVENTS.size())
                : null);
    intentCues = Cues.load("intent_cues.tsv");
    eventCues = Cues.load("event_cues.tsv");
    topics = new TopicReader(Cues.load("topics.tsv"));
  }

  /** Loads the lexicon and cue data from the classpath. */
  public static PostReader create() {
    return new PostReader(true);
  }

  /** A reader whose sentiment comes from the rules alone, as the model's training needs it. */
  static PostReader rulesOnly() {
    return new PostReader(false);
  }

  /** What the sentiment rules find in an English post: the learned model's input. */
  SentimentReader.Features sentimentFeatures(String text, BrandSet brands) {
    String post = text == null ? "" : cut(text);
    BrandSet known = brands == null ? BrandSet.NONE : brands;
    List<Token> tokens = Tokenizer.tokenize(post);
    View view = View.of(tokens);
    Names names = Names.of(view, tokens, known.find(tokens), lexicon);
    List<Cues.Match> intentMatches = intentCues.find(view, names::isName);
    boolean[] muted = muted(view, tokens.size(), intentMatches);
    List<EventSignal> lifeEvents = events.read(post, view, eventCues.find(view, names::isName));
    return sentiment.features(
        post, tokens, withoutBrands(tokens, known.find(tokens)), view, muted, lifeEvents);
  }

  /** Reads a post, detecting its language. */
  public Reading read(String text, BrandSet brands) {
    return read(text, "", brands);
  }

  /**
   * Reads a post.
   *
   * @param text the post; null reads as empty, longer than {@link #MAX_CHARS} is cut there
   * @param language an ISO 639-1 code the caller already knows, or blank to detect it
   * @param brands the workspace's brands and competitors
   */
  public Reading read(String text, String language, BrandSet brands) {
    return read(text, language, brands, null, null);
  }

  /** The intent model's input for an English post, as its training needs it. */
  double[] intentFeatures(String text, BrandSet brands) {
    double[][] out = new double[1][];
    read(text, "en", brands, x -> out[0] = x, null);
    return out[0];
  }

  /** The event model's input for an English post, as its training needs it. */
  double[] eventFeatures(String text, BrandSet brands) {
    double[][] out = new double[1][];
    read(text, "en", brands, null, x -> out[0] = x);
    return out[0];
  }

  private Reading read(
      String text,
      String language,
      BrandSet brands,
      java.util.function.Consumer<double[]> intentFeatures,
      java.util.function.Consumer<double[]> eventFeatures) {
    // Long: the readers run in the order their findings feed each other (language, sentiment,
    // events, intents, topics).
    String post = text == null ? "" : cut(text);
    BrandSet known = brands == null ? BrandSet.NONE : brands;
    List<Token> tokens = Tokenizer.tokenize(post);
    String lang =
        language == null || language.isBlank()
            ? LanguageDetector.detect(post, tokens)
            : language.strip().toLowerCase(Locale.ROOT);
    if (!lang.equals("en") && !lang.equals("und") && !lang.startsWith("en-")) {
      return Reading.unsupported(lang);
    }
    View view = View.of(tokens);
    List<BrandSet.Found> found = known.find(tokens);
    Names names = Names.of(view, tokens, found, lexicon);
    List<Cues.Match> intentMatches = intentCues.find(view, names::isName);
    boolean[] muted = muted(view, tokens.size(), intentMatches);
    List<EventSignal> lifeEvents = events.read(post, view, eventCues.find(view, names::isName));
    SentimentReader.Features rules =
        sentiment.features(post, tokens, withoutBrands(tokens, found), view, muted, lifeEvents);
    double[] p = sentiment.probabilities(rules);
    Sentiment s = sentiment.read(post, rules, p);
    // the intent model learned from the sentiment model's verdict, P(positive) - P(negative), not
    // from the shown strength, which blends in the rule score (sentiment_strength.tsv)
    double verdict = p == null ? s.score() : p[2] - p[0];
    IntentReader.Post facts =
        new IntentReader.Post(post, view, names, intentMatches, s, rules, found, verdict);
    List<IntentSignal> read = intents.read(facts, lifeEvents, intentFeatures);
    double[] x = EventReader.features(lifeEvents, rules);
    if (eventFeatures != null) {
      eventFeatures.accept(x);
    }
    lifeEvents = new ArrayList<>(events.decide(post, rules, lifeEvents, x));
    if (read.stream().anyMatch(i -> i.intent() == Intent.SWITCHING)) {
      // "moving to <product>" is a switch, not a change of address
      lifeEvents.removeIf(e -> e.event() == LifeEvent.RELOCATION);
    }
    return new Reading(lang, s, read, lifeEvents, topics.read(post, view));
  }

  /** Words inside requests for recommendations and questions carry no sentiment of their own. */
  private static boolean[] muted(View view, int size, List<Cues.Match> matches) {
    boolean[] muted = new boolean[size];
    for (Cues.Match m : matches) {
      String c = m.category();
      if (c.equals("buy") || c.equals("question") || c.equals("request")) {
        for (int i = m.first(); i <= m.last(); i++) {
          muted[view.position(i)] = true;
        }
      }
    }
    return muted;
  }

  private static List<Token> withoutBrands(List<Token> tokens, List<BrandSet.Found> found) {
    if (found.isEmpty()) {
      return tokens;
    }
    List<Token> out = new java.util.ArrayList<>(tokens.size());
    int f = 0;
    for (int i = 0; i < tokens.size(); i++) {
      while (f < found.size() && found.get(f).last() < i) {
        f++;
      }
      if (f >= found.size() || i < found.get(f).first()) {
        out.add(tokens.get(i));
      }
    }
    return out;
  }

  private static String cut(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
