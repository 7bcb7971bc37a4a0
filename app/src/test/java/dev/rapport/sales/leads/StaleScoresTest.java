package dev.rapport.sales.leads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.people.PersonId;
import dev.rapport.sales.LeadScore;
import dev.rapport.sales.LeadScoreChange;
import dev.rapport.sales.LeadSource;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import dev.rapport.timeline.Direction;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stale-score job: a score computed ten days ago has decayed since, so the job appends a new,
 * lower row; a stale score that did not change gets no row, only a new scored time; a fresh score
 * is not touched. The schedule is off in tests; the test calls the job.
 */
@PersistenceTest
class StaleScoresTest {

  @Autowired StaleScores job;
  @Autowired LeadScoring scoring;
  @Autowired LeadStore store;
  @Autowired Timeline timeline;
  @Autowired TestRecords records;
  @Autowired JdbcClient jdbc;

  /** A meeting with the person at the time, appended in bulk (no event rescoring them). */
  void met(PersonId person, Instant at) {
    timeline.appendAll(
        List.of(
            new NewTouchpoint(
                person,
                null,
                TouchpointKind.MEETING,
                "meeting",
                Direction.OUT,
                at,
                null,
                null,
                "Coffee",
                new SourceRef("test.stale", UUID.randomUUID().toString(), null),
                null,
                null,
                null)));
  }

  /** Stores the person's score as it was computed at {@code asOf}, scored then. */
  LeadScore scoredAt(PersonId person, Instant asOf) {
    LeadScore score = scoring.compute(person, asOf.truncatedTo(ChronoUnit.HOURS)).orElseThrow();
    store.lock(person, LeadSource.MANUAL, null, asOf);
    store.append(score, "test: scored back then");
    store.update(score, null, null, asOf);
    return score;
  }

  Instant scoredTime(PersonId person) {
    return jdbc.sql("select scored_at from sales_lead where person_id = :p")
        .param("p", person.value())
        .query((rs, n) -> LeadStore.instant(rs, 1))
        .single();
  }

  @Test
  void staleScoresAreRecomputedAndOnlyChangesAppended() {
    Instant now = Instant.now();
    Instant tenDaysAgo = now.minus(Duration.ofDays(10));

    PersonId decayed = records.person();
    met(decayed, now.minus(Duration.ofDays(20)));
    LeadScore old = scoredAt(decayed, tenDaysAgo);
    assertThat(old.engagement().points()).isGreaterThan(0);

    PersonId unchanged = records.person();
    scoredAt(unchanged, now.minus(Duration.ofDays(3)));

    PersonId fresh = records.person();
    met(fresh, now.minus(Duration.ofDays(20)));
    scoredAt(fresh, now.minus(Duration.ofHours(1)));
    Instant freshScored = scoredTime(fresh);

    StaleScores.Outcome outcome = job.run();
    assertThat(outcome.rescored()).isGreaterThanOrEqualTo(2);
    assertThat(outcome.changed()).isGreaterThanOrEqualTo(1);

    List<LeadScoreChange> history = store.history(decayed, 10);
    assertThat(history).hasSize(2);
    LeadScore latest = store.latest(decayed).orElseThrow();
    assertThat(latest.engagement().points()).isLessThan(old.engagement().points());
    assertThat(latest.total()).isLessThan(old.total());
    assertThat(history.get(0).cause()).isEqualTo("decay: rescored after 24 hours");

    assertThat(store.history(unchanged, 10)).hasSize(1);
    assertThat(scoredTime(unchanged)).isAfter(now.minus(Duration.ofMinutes(5)));

    assertThat(store.history(fresh, 10)).hasSize(1);
    assertThat(scoredTime(fresh)).isEqualTo(freshScored);

    // a second run finds nothing of theirs stale any more
    job.run();
    assertThat(store.history(decayed, 10)).hasSize(2);
    assertThat(store.history(unchanged, 10)).hasSize(1);
  }
}
