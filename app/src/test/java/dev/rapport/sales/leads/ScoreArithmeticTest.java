package dev.rapport.sales.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.engine.read.Intent;
import dev.rapport.people.IcpFit;
import dev.rapport.people.PersonId;
import dev.rapport.sales.LeadReason;
import dev.rapport.sales.LeadScore;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.Touchpoint;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score's arithmetic: decay by half-life, weights, caps, thresholds and the reason text. */
class ScoreArithmeticTest {

  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  static final PersonId ANA = new PersonId(7);
  static final ScoreArithmetic.HalfLives HALF_LIVES = new ScoreArithmetic.HalfLives(30, 14);

  static Touchpoint touch(long id, TouchpointKind kind, Direction dir, Duration ago) {
    return new Touchpoint(
        id,
        ANA,
        null,
        kind,
        "email",
        dir,
        NOW.minus(ago),
        null,
        null,
        "hi",
        null,
        null,
        null,
        null,
        null);
  }

  static ScoreArithmetic.IntentSeen intent(long mention, Intent intent, double conf, Duration ago) {
    return new ScoreArithmetic.IntentSeen(mention, "mastodon", intent, conf, "", NOW.minus(ago));
  }

  @Test
  void aSignalLosesHalfItsWeightEveryHalfLife() {
    assertThat(ScoreArithmetic.decay(NOW, NOW, 30)).isEqualTo(1.0);
    assertThat(ScoreArithmetic.decay(NOW.minus(Duration.ofDays(30)), NOW, 30))
        .isCloseTo(0.5, within(1e-9));
    assertThat(ScoreArithmetic.decay(NOW.minus(Duration.ofDays(60)), NOW, 30))
        .isCloseTo(0.25, within(1e-9));
    assertThat(ScoreArithmetic.decay(NOW.minus(Duration.ofDays(7)), NOW, 14))
        .isCloseTo(Math.sqrt(0.5), within(1e-9));
    // a clock skewed into the future counts as now, never as more than full weight
    assertThat(ScoreArithmetic.decay(NOW.plus(Duration.ofDays(3)), NOW, 30)).isEqualTo(1.0);
  }

  @Test
  void engagementWeighsKindAndDirectionAndDecays() {
    var part =
        ScoreArithmetic.engagement(
            List.of(
                touch(1, TouchpointKind.EMAIL, Direction.IN, Duration.ZERO), // 6
                touch(2, TouchpointKind.EMAIL, Direction.OUT, Duration.ZERO), // 2
                touch(3, TouchpointKind.MEETING, null, Duration.ofDays(30)), // 10 * 0.5
                touch(4, TouchpointKind.NOTE, null, Duration.ZERO), // 0: internal
                touch(5, TouchpointKind.STAGE_CHANGE, null, Duration.ZERO)), // 0
            30,
            NOW);
    assertThat(part.points()).isEqualTo(13);
    assertThat(part.reasons())
        .extracting(LeadReason::recordId)
        .containsExactly(1L, 3L, 2L); // strongest first, internal records left out
    assertThat(part.reasons().get(1).text()).contains("meeting").contains("30 days ago");
    assertThat(part.reasons().get(1).points()).isEqualTo(5.0);
  }

  @Test
  void engagementIsCappedAtThirty() {
    List<Touchpoint> many =
        java.util.stream.LongStream.range(0, 10)
            .mapToObj(i -> touch(i, TouchpointKind.MEETING, null, Duration.ZERO))
            .toList();
    assertThat(ScoreArithmetic.engagement(many, 30, NOW).points())
        .isEqualTo(ScoreArithmetic.ENGAGEMENT_MAX);
  }

  @Test
  void intentCountsConfidenceAndRecencyAndNamesTheNetwork() {
    var part =
        ScoreArithmetic.intent(
            List.of(
                intent(11, Intent.BUYING, 0.9, Duration.ZERO), // 36
                intent(12, Intent.SWITCHING, 1.0, Duration.ofDays(28)), // 30 * 0.25 = 7.5
                intent(13, Intent.COMPLAINT, 1.0, Duration.ZERO)), // 0
            14,
            NOW);
    assertThat(part.points()).isEqualTo(40); // 43.5 capped
    assertThat(part.reasons())
        .extracting(LeadReason::text, LeadReason::recordType, LeadReason::recordId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "asked for recommendations on Mastodon", "mention", 11L),
            org.assertj.core.groups.Tuple.tuple(
                "is switching vendors on Mastodon", "mention", 12L));
    assertThat(part.reasons().get(1).points()).isEqualTo(7.5);
  }

  @Test
  void totalIsFitPlusEngagementPlusIntentWithItsHeadline() {
    LeadScore score =
        ScoreArithmetic.score(
            ANA,
            new IcpFit(80, true, List.of("+40 title 'CTO' matches cto")),
            List.of(touch(1, TouchpointKind.EMAIL, Direction.IN, Duration.ZERO)),
            List.of(intent(11, Intent.BUYING, 1.0, Duration.ofDays(14))),
            HALF_LIVES,
            NOW);
    assertThat(score.fit().points()).isEqualTo(24); // 80% of 30
    assertThat(score.engagement().points()).isEqualTo(6);
    assertThat(score.intent().points()).isEqualTo(20); // 40 halved after one half-life
    assertThat(score.total()).isEqualTo(50);
    assertThat(score.headline()).isEqualTo("asked for recommendations on Mastodon");
    assertThat(score.lastIntentAt()).isEqualTo(NOW.minus(Duration.ofDays(14)));
    assertThat(score.fit().reasons())
        .extracting(LeadReason::text)
        .contains("+40 title 'CTO' matches cto");
  }

  @Test
  void aThresholdMovesForwardToTheFurthestStageReachedAndNeverBack() {
    var prospect = new Thresholds.Threshold(2, "Prospect", 2, 30);
    var lead = new Thresholds.Threshold(3, "Lead", 3, 70);
    List<Thresholds.Threshold> both = List.of(prospect, lead);
    assertThat(Thresholds.earned(both, 1, 29)).isEmpty();
    assertThat(Thresholds.earned(both, 1, 30)).contains(prospect);
    assertThat(Thresholds.earned(both, 0, 72)).contains(lead); // skips straight to lead
    assertThat(Thresholds.earned(both, 3, 90)).isEmpty(); // already there
    assertThat(Thresholds.earned(both, 4, 90)).isEmpty(); // a customer is not sent back
    assertThat(Thresholds.earned(both, 2, 69)).isEmpty();
    assertThat(Thresholds.why(72, lead, "asked for recommendations on Mastodon"))
        .isEqualTo("score 72 \u2265 70: asked for recommendations on Mastodon");
  }
}
