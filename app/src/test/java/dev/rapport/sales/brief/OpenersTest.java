package dev.rapport.sales.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.sales.brief.PreCallBrief.InterestView;
import dev.rapport.sales.brief.PreCallBrief.Moment;
import dev.rapport.sales.brief.PreCallBrief.PostView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Openers ask about the person, from their news, interests and posts; never a pitch. */
class OpenersTest {

  static final List<String> PITCH =
      List.of("demo", "pricing", "discount", "our product", "buy", "offer", "trial", "sign up");

  static final PostView POST =
      new PostView(
          1, "mastodon", "Ran my first\nmarathon today, legs are gone", null, Instant.now());
  static final Moment NEW_JOB = new Moment("NEW_JOB", "new job", "self", "new job", POST);
  static final List<InterestView> INTERESTS =
      List.of(
          new InterestView("running", 60, 3, List.of(POST)),
          new InterestView("music", 20, 1, List.of()));

  @Test
  void threeOpenersFromTheTriggerTheStrongestInterestAndTheLatestPost() {
    List<String> openers = Openers.suggest(List.of(NEW_JOB), INTERESTS, List.of(POST), false);
    assertThat(openers)
        .containsExactly(
            "Congratulations on the new role. How are the first weeks going?",
            "You often write about running. What got you into it?",
            "I read your post \u201cRan my first marathon today, legs are gone\u201d. How did that turn out?");
  }

  @Test
  void withoutNewsTwoInterestsAndAPost() {
    assertThat(Openers.suggest(List.of(), INTERESTS, List.of(POST), false))
        .hasSize(3)
        .element(1)
        .isEqualTo("What are you following in music these days?");
    assertThat(Openers.suggest(List.of(), List.of(), List.of(), false)).isEmpty();
  }

  @Test
  void noneWhileACautionIsRecent() {
    assertThat(Openers.suggest(List.of(NEW_JOB), INTERESTS, List.of(POST), true)).isEmpty();
  }

  @Test
  void noOpenerEverPitches() {
    for (String event :
        List.of(
            "NEW_JOB", "PROMOTION", "FUNDING", "HIRING", "EXPANSION", "TRAVEL", "WEDDING", "X")) {
      Moment m = new Moment(event, event, "", "", POST);
      for (String o : Openers.suggest(List.of(m), INTERESTS, List.of(POST), false)) {
        String lower = o.toLowerCase(Locale.ROOT);
        assertThat(PITCH).noneMatch(lower::contains);
        assertThat(o).endsWith("?").as("an opener asks about them: %s", o);
      }
    }
  }
}
