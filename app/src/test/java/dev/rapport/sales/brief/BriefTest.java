package dev.rapport.sales.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.rapport.access.Role;
import dev.rapport.sales.HeardAuthors;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The brief from posts heard through the real ingest: triggers and cautions read by the engine,
 * openers from interests and posts, none while a caution is recent, and post text kept as text.
 */
@PersistenceTest
class BriefTest {

  @Autowired HeardAuthors heard;
  @Autowired BriefBuilder briefs;
  @Autowired AccessFixtures access;

  static String handle() {
    return "@b" + UUID.randomUUID().toString().substring(0, 8) + "@example.social";
  }

  @Test
  void aRecentCautionIsMarkedNotNowAndHoldsEveryOpenerBack() throws Exception {
    var channel = heard.channel();
    String who = handle();
    Instant now = Instant.now();
    heard.send(
        channel,
        who,
        "Excited to announce I started a new job at Acme as CTO!",
        now.minus(Duration.ofDays(20)));
    var last =
        heard.send(channel, who, "My father passed away last week.", now.minus(Duration.ofDays(2)));

    PreCallBrief brief = briefs.build(last.author(), now);
    assertThat(brief.cautions()).extracting(PreCallBrief.Moment::event).contains("BEREAVEMENT");
    assertThat(brief.triggers()).extracting(PreCallBrief.Moment::event).contains("NEW_JOB");
    assertThat(brief.holdBack()).isTrue();
    assertThat(brief.openers()).isEmpty();

    String page =
        access
            .mvc()
            .perform(get("/brief/persons/" + last.author().value()).with(access.as(Role.SALES)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("not now").contains("None while a caution is recent.");
    assertThat(page).doesNotContain("How are the first weeks going?");

    // a month and more later the caution no longer holds the openers back
    PreCallBrief later = briefs.build(last.author(), now.plus(Duration.ofDays(40)));
    assertThat(later.holdBack()).isFalse();
    assertThat(later.openers())
        .hasSizeBetween(2, 3)
        .first()
        .isEqualTo("Congratulations on the new role. How are the first weeks going?");
  }

  @Test
  void openersComeFromInterestsAndPostsAndPostTextStaysText() throws Exception {
    var channel = heard.channel();
    String who = handle();
    Instant now = Instant.now();
    heard.send(
        channel, who, "Ran my first marathon today <b>legs</b> are gone", now.minusSeconds(3600));
    var last = heard.send(channel, who, "Best running shoes for a marathon?", now.minusSeconds(60));

    PreCallBrief brief = briefs.build(last.author(), now);
    assertThat(brief.cautions()).isEmpty();
    assertThat(brief.recentPosts()).hasSize(2);
    assertThat(brief.openers()).hasSizeBetween(2, 3);
    assertThat(brief.openers().get(brief.openers().size() - 1))
        .startsWith("I read your post \u201cBest running shoes");

    String panel =
        access
            .mvc()
            .perform(
                get("/brief/persons/" + last.author().value() + "/panel")
                    .with(access.as(Role.VIEWER)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(panel).contains("Pre-call brief").contains("I read your post");
    String page =
        access
            .mvc()
            .perform(get("/brief/persons/" + last.author().value()).with(access.as(Role.VIEWER)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("&lt;b&gt;legs&lt;/b&gt;").doesNotContain("<b>legs</b>");
  }

  @Test
  void theBriefAnswersAsJsonWithItsInterests() throws Exception {
    var channel = heard.channel();
    String who = handle();
    Instant now = Instant.now();
    heard.send(
        channel, who, "Ran my first marathon today, running is everything", now.minusSeconds(600));
    var last = heard.send(channel, who, "Best running shoes for a marathon?", now.minusSeconds(60));
    PreCallBrief built = briefs.build(last.author(), now);
    assertThat(built.interests()).isNotEmpty();

    var response =
        access
            .mvc()
            .perform(
                get("/api/v1/persons/" + last.author().value() + "/brief")
                    .with(access.as(Role.VIEWER)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).contains("application/json");
    String body = response.getContentAsString();
    assertThat(body)
        .contains("\"interests\":[{\"topic\":\"" + built.interests().get(0).topic() + "\"")
        .contains("\"openers\":[", "Best running shoes for a marathon?");
    assertThat(
            access
                .mvc()
                .perform(get("/api/v1/persons/999999999/brief").with(access.as(Role.VIEWER)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }
}
