package dev.rapport.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The misses the readers made on real social posts (docs/readers.md): neutral requests read as
 * negative, complaints as pointed questions, agents' replies and petitions read as complaints, and
 * life events in everyday wording.
 */
class RealWordingTest {

  private static final PostReader READER = PostReader.create();
  private static final BrandSet NONE = BrandSet.NONE;

  private static Reading read(String text) {
    return READER.read(text, "en", NONE);
  }

  private static List<Intent> intents(String text) {
    return read(text).intents().stream().map(IntentSignal::intent).toList();
  }

  private static List<LifeEvent> events(String text) {
    return read(text).events().stream().map(EventSignal::event).toList();
  }

  private static String subject(String text, LifeEvent event) {
    return read(text).events().stream()
        .filter(e -> e.event() == event)
        .findFirst()
        .orElseThrow()
        .subject();
  }

  @Test
  void shortFactualRequestsToABrandAreNotNegative() {
    for (String post :
        List.of(
            "@SpotifyCares My username is jdoe88 via Facebook, in the USA",
            "@SpotifyCares United Kingdom. Thanks!",
            "@AcmeHQ what time do you open on sunday?",
            "@TeamYouTube got it, will send my channel link there")) {
      assertThat(read(post).sentiment().orElseThrow().label())
          .as(post)
          .isNotEqualTo(SentimentLabel.NEGATIVE);
    }
  }

  @Test
  void strongerWordingScoresStronger() {
    double mild = read("the update is a bit slow").sentiment().orElseThrow().score();
    double strong =
        read("the update is absolutely HORRIBLE, worst app ever!!!")
            .sentiment()
            .orElseThrow()
            .score();
    assertThat(strong).isLessThan(mild);
    assertThat(strong).isBetween(-1.0, -0.2);
  }

  @Test
  void pointedQuestionAboutAFailureIsAComplaintAndAQuestion() {
    assertThat(intents("@AcmeHQ why is my order still not here after three weeks? this is a joke"))
        .contains(Intent.QUESTION, Intent.COMPLAINT);
  }

  @Test
  void agentsRepliesPetitionsAndFollowRequestsAreNotComplaints() {
    for (String post :
        List.of(
            "@jane_doe We're sorry to hear about the delay! Please DM us your order number and"
                + " we'll look into it.",
            "@AcmeHQ is the worst. Sign the petition to stop them: http://example.org/p",
            "@mike_b lol you're the worst, terrible taste in music")) {
      assertThat(intents(post)).as(post).doesNotContain(Intent.COMPLAINT);
    }
  }

  @Test
  void everydayLifeEventsAreRead() {
    assertThat(events("Finally graduated today!! So proud 🎓")).contains(LifeEvent.GRADUATION);
    assertThat(events("I got accepted into Stanford!!!")).contains(LifeEvent.GRADUATION);
    assertThat(events("Ran my first marathon this morning, legs are dead"))
        .contains(LifeEvent.ACHIEVEMENT);
    assertThat(events("He popped the question last night and I said yes"))
        .contains(LifeEvent.WEDDING);
    assertThat(events("Got the job!!! Start in two weeks")).contains(LifeEvent.NEW_JOB);
    assertThat(events("My grandma died this morning. I miss her so much"))
        .contains(LifeEvent.BEREAVEMENT);
    assertThat(events("Moving day! Goodbye old flat")).contains(LifeEvent.RELOCATION);
  }

  @Test
  void lifeEventsSayWhomTheyHappenedTo() {
    assertThat(subject("My best friend just gave birth to a baby girl", LifeEvent.NEW_BABY))
        .isEqualTo("friend");
    assertThat(subject("My sister graduated from nursing school today", LifeEvent.GRADUATION))
        .isEqualTo("family");
    assertThat(subject("I graduated today!", LifeEvent.GRADUATION)).isEqualTo("self");
    assertThat(read("I graduated today!").events().get(0).timing()).isEqualTo(Timing.TRIGGER);
  }

  @Test
  void shippedSentimentModelSaysWhichRealDataTrainedIt() throws IOException {
    String header;
    try (InputStream in = SentimentModel.class.getResourceAsStream("sentiment_model.tsv")) {
      header = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
    }
    assertThat(header).contains("SemEval 2013-2016", "CC BY 3.0", "2016test (held out)");
    try (InputStream in = SentimentModel.class.getResourceAsStream("sentiment_strength.tsv")) {
      assertThat(in).as("strength calibration").isNotNull();
    }
  }
}
