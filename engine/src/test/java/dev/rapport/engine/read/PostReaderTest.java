package dev.rapport.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostReaderTest {

  private static final PostReader READER = PostReader.create();
  private static final BrandSet BRANDS = BrandSet.of(List.of("Acme", "@acmehq"), List.of("Globex"));

  private static Reading read(String text) {
    return READER.read(text, BRANDS);
  }

  private static SentimentLabel label(String text) {
    return read(text).sentiment().orElseThrow().label();
  }

  @Test
  void negationTurnsPraiseAround() {
    assertThat(label("The new release is good")).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(label("The new release is not good")).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void contrastWeighsWhatComesAfterBut() {
    assertThat(label("The food was good but the service was terrible"))
        .isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(label("Service was slow but the food was fantastic"))
        .isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void capitalsExclamationsAndElongationStrengthen() {
    double plain = read("this is good").sentiment().orElseThrow().score();
    assertThat(read("this is GOOD").sentiment().orElseThrow().score()).isGreaterThan(plain);
    assertThat(read("this is good!!!").sentiment().orElseThrow().score()).isGreaterThan(plain);
    assertThat(read("this is goooood").sentiment().orElseThrow().score()).isGreaterThan(plain);
  }

  @Test
  void emojiAloneCarrySentiment() {
    assertThat(label("😍😍")).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(label("😡")).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void sarcasmAboutTroubleIsNegative() {
    assertThat(label("Oh great, Acme is down again. love that for me"))
        .isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void soMuchForIsSarcasmOnlyWhenNoThanksComesBeforeIt() {
    assertThat(label("thanks so much for the quick help!")).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(label("thank you so much for the quick help!")).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(label("so much for the quick help, still waiting on hold"))
        .isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void plainStatementIsNeutral() {
    assertThat(label("The meeting moved to Thursday at 3")).isEqualTo(SentimentLabel.NEUTRAL);
  }

  @Test
  void complaintAboutOursDiffersFromComplaintAboutCompetitor() {
    IntentSignal ours = complaint(read("Acme is down again, can't log in"));
    IntentSignal theirs = complaint(read("Globex charged me twice this month"));
    assertThat(ours.about()).isEqualTo(About.OURS);
    assertThat(ours.target()).isEqualTo("Acme");
    assertThat(theirs.about()).isEqualTo(About.COMPETITOR);
  }

  private static IntentSignal complaint(Reading r) {
    return r.intents().stream()
        .filter(i -> i.intent() == Intent.COMPLAINT)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no complaint in " + r.intents()));
  }

  @Test
  void askingForRecommendationsIsABuyingSignal() {
    assertThat(read("Can anyone recommend a CRM for a 10 person sales team?").has(Intent.BUYING))
        .isTrue();
  }

  @Test
  void negatedSearchJobHuntAndQuotesAreNotBuyingSignals() {
    assertThat(read("I'm not looking for a CRM, stop pitching me").has(Intent.BUYING)).isFalse();
    assertThat(read("Looking for a new job in sales, DM me #opentowork").has(Intent.BUYING))
        .isFalse();
    assertThat(
            read("My boss asked \"can anyone recommend a CRM\" and vendors flooded in")
                .has(Intent.BUYING))
        .isFalse();
  }

  @Test
  void switchingNamesTheProductLeft() {
    Reading r = read("Switching from Globex to Acme next month");
    assertThat(r.has(Intent.SWITCHING)).isTrue();
  }

  @Test
  void lifeEventsAreMarkedTriggerOrCaution() {
    Reading job = read("Thrilled to announce I've joined Globex as Head of Sales!");
    Reading loss = read("My grandmother passed away last night");
    assertThat(job.events()).extracting(EventSignal::event).contains(LifeEvent.NEW_JOB);
    assertThat(job.events().get(0).timing()).isEqualTo(Timing.TRIGGER);
    assertThat(loss.events()).extracting(EventSignal::timing).containsExactly(Timing.CAUTION);
  }

  @Test
  void illnessSaysWhoIsIll() {
    Reading r = read("Our dog has surgery tomorrow, please send good vibes");
    assertThat(r.events()).extracting(EventSignal::subject).containsExactly("pet");
  }

  @Test
  void wishesAreNotEvents() {
    assertThat(read("Looking for a new job after 5 years, wish me luck").events()).isEmpty();
    assertThat(read("I'm sick of meetings").events()).isEmpty();
  }

  @Test
  void otherLanguagesAreNotGuessed() {
    Reading r = read("Hoy empiezo en mi nuevo trabajo, muy contenta con el equipo");
    assertThat(r.isSupported()).isFalse();
    assertThat(r.language()).isEqualTo("es");
    assertThat(r.note()).isEqualTo("unsupported language: es");
    assertThat(r.sentiment()).isEmpty();
    assertThat(READER.read("今日は新しい仕事の初日です", BRANDS).language()).isEqualTo("ja");
  }

  @Test
  void givenLanguageWins() {
    assertThat(READER.read("great stuff", "de", BRANDS).isSupported()).isFalse();
  }

  @Test
  void everyEvidenceSpanPointsAtItsText() {
    String text = "Shoutout to @acmehq support, fixed our import in 20 minutes 🙌 karaoke later";
    Reading r = read(text);
    r.sentiment().orElseThrow().evidence().forEach(e -> assertSpan(text, e));
    r.intents().forEach(i -> i.evidence().forEach(e -> assertSpan(text, e)));
    r.topics().forEach(t -> t.evidence().forEach(e -> assertSpan(text, e)));
    assertThat(r.topics()).extracting(TopicSignal::topic).contains("karaoke");
    assertThat(r.has(Intent.PRAISE)).isTrue();
  }

  @Test
  void everyPolarSentimentAndEveryIntentShowsItsEvidence() {
    int polar = 0;
    for (String split : List.of("dev", "test")) {
      for (ReaderEvaluation.Post p : ReaderEvaluation.load(split)) {
        Reading r = READER.read(p.text(), ReaderEvaluation.BRANDS);
        if (r.sentiment().isEmpty()) {
          continue;
        }
        Sentiment s = r.sentiment().orElseThrow();
        if (s.label() != SentimentLabel.NEUTRAL) {
          polar++;
          assertThat(s.evidence()).as(p.text()).isNotEmpty();
        }
        s.evidence().forEach(e -> assertSpan(p.text(), e));
        for (IntentSignal i : r.intents()) {
          assertThat(i.evidence()).as(p.text()).isNotEmpty();
          i.evidence().forEach(e -> assertSpan(p.text(), e));
        }
        for (EventSignal e : r.events()) {
          assertThat(e.evidence()).as(p.text()).isNotEmpty();
          e.evidence().forEach(x -> assertSpan(p.text(), x));
        }
      }
    }
    assertThat(polar).isGreaterThan(500);
  }

  @Test
  void learnedEvidenceShowsTellingWordsBeforePlainOnes() {
    String text = "the onboarding was painless";
    List<Token> tokens = Tokenizer.tokenize(text);
    double[][] dense = new double[1][1];
    LabelModel both =
        new LabelModel(
            new LinearWeights(
                dense, java.util.Map.of("was", new double[] {3}, "painless", new double[] {1})));
    LabelModel plainOnly =
        new LabelModel(new LinearWeights(dense, java.util.Map.of("was", new double[] {3})));

    assertThat(both.evidence(text, tokens, 0, "learned praise word"))
        .containsExactly(new Evidence(19, 27, "painless", "learned praise word"));
    assertThat(plainOnly.evidence(text, tokens, 0, "learned praise word"))
        .containsExactly(new Evidence(15, 18, "was", "learned praise word"));
  }

  @Test
  void theEventModelDropsWhatItDoubtsAndShowsTheWordsOfWhatItAdds() {
    String text = "keys in hand, first night in the new place";
    SentimentReader.Features f = PostReader.rulesOnly().sentimentFeatures(text, BrandSet.NONE);
    int events = EventReader.EVENTS.size();
    double[][] dense = new double[EventReader.DENSE.length][events];
    java.util.Arrays.fill(dense[0], -5);
    double[] keys = new double[events];
    keys[LifeEvent.RELOCATION.ordinal()] = 9;
    EventReader reader =
        new EventReader(new LabelModel(new LinearWeights(dense, java.util.Map.of("keys", keys))));
    EventSignal doubted =
        new EventSignal(
            LifeEvent.TRAVEL, 0.8, "self", List.of(new Evidence(0, 4, "keys", "travel cue")));
    double[] x = EventReader.features(List.of(doubted), f);
    assertThat(x[1 + LifeEvent.TRAVEL.ordinal()]).isEqualTo(0.8);

    List<EventSignal> read = reader.decide(text, f, List.of(doubted), x);

    assertThat(read).extracting(EventSignal::event).containsExactly(LifeEvent.RELOCATION);
    assertThat(read.get(0).evidence())
        .containsExactly(new Evidence(0, 4, "keys", "learned relocation word"));
    assertThat(read.get(0).confidence()).isGreaterThan(0.9);
  }

  @Test
  void wordsALearnedModelWeighsAreShownAsEvidence() {
    double[][] dense = new double[SentimentReader.DENSE.length][3];
    SentimentModel model =
        new SentimentModel(dense, java.util.Map.of("curb", new double[] {2, 0, 0}));
    SentimentReader reader =
        new SentimentReader(Lexicon.load(), Cues.load("sentiment_cues.tsv"), model);
    String text = "they left the sofa on the curb";
    List<Token> tokens = Tokenizer.tokenize(text);
    Sentiment s = reader.read(text, tokens, View.of(tokens), new boolean[tokens.size()], List.of());
    assertThat(s.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(s.score()).isLessThan(-0.5);
    assertThat(s.evidence()).containsExactly(new Evidence(26, 30, "curb", "learned negative word"));
    // without a word to show, a verdict from the post's shape alone is not given
    SentimentModel shapeOnly = new SentimentModel(bias(3.0), java.util.Map.of());
    SentimentReader biased =
        new SentimentReader(Lexicon.load(), Cues.load("sentiment_cues.tsv"), shapeOnly);
    assertThat(biased.read(text, tokens, View.of(tokens), new boolean[tokens.size()], List.of()))
        .extracting(Sentiment::label)
        .isEqualTo(SentimentLabel.NEUTRAL);
  }

  private static double[][] bias(double positive) {
    double[][] dense = new double[SentimentReader.DENSE.length][3];
    dense[0][2] = positive;
    return dense;
  }

  static void assertSpan(String text, Evidence e) {
    assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
  }
}
