package dev.rapport.sales.leads;

import dev.rapport.people.PersonId;
import dev.rapport.sales.LeadSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rescoring of stale scores. Engagement and intent fade with their half-lives, so a score nobody
 * touched says more than it should; this job recomputes every lead whose last score is older than
 * {@code rapport.leads.rescore.older-than} (default 24 hours), oldest first, at most {@code
 * rapport.leads.rescore.batch} a run. Each person is one transaction of {@link
 * LeadScoring#rescore}: a row is appended only when the score changed (and a threshold may still
 * move them), and the lead's scored time moves on either way, so the next run takes others. {@link
 * StaleScoreSchedule} runs it on a timer; tests call {@link #run()}.
 */
@Component
class StaleScores {

  /** What a run did: leads looked at, and those whose score changed (rows appended). */
  record Outcome(int rescored, int changed) {}

  private static final Logger log = LoggerFactory.getLogger(StaleScores.class);

  private final JdbcClient jdbc;
  private final LeadScoring scoring;
  private final Duration olderThan;
  private final int batch;
  private final Clock clock = Clock.systemUTC();

  StaleScores(
      JdbcClient jdbc,
      LeadScoring scoring,
      @Value("${rapport.leads.rescore.older-than:PT24H}") Duration olderThan,
      @Value("${rapport.leads.rescore.batch:1000}") int batch) {
    if (olderThan.isNegative() || olderThan.isZero()) {
      throw new IllegalArgumentException("rapport.leads.rescore.older-than must be positive");
    }
    if (batch < 1) {
      throw new IllegalArgumentException("rapport.leads.rescore.batch must be at least 1");
    }
    this.jdbc = jdbc;
    this.scoring = scoring;
    this.olderThan = olderThan;
    this.batch = batch;
  }

  /** Rescores the stale leads, oldest score first. */
  Outcome run() {
    Instant cutoff = clock.instant().minus(olderThan);
    List<Long> stale =
        jdbc.sql(
                "select person_id from sales_lead where scored_at < :cutoff"
                    + " order by scored_at, person_id limit :n")
            .param("cutoff", LeadStore.utc(cutoff))
            .param("n", batch)
            .query(Long.class)
            .list();
    int changed = 0;
    for (Long id : stale) {
      PersonId person = new PersonId(id);
      try {
        int before = latestId(person);
        scoring.rescore(
            person, "decay: rescored after " + hours() + " hours", LeadSource.MANUAL, null);
        if (latestId(person) != before) {
          changed++;
        }
      } catch (RuntimeException e) {
        // one person's failure must not stop the others; the next run tries again
        log.warn("rescoring stale lead {} failed: {}", id, e.toString());
      }
    }
    if (!stale.isEmpty()) {
      log.info("rescored {} stale leads, {} changed", stale.size(), changed);
    }
    return new Outcome(stale.size(), changed);
  }

  private int latestId(PersonId person) {
    return jdbc.sql("select coalesce(max(id), -1) from sales_lead_score where person_id = :p")
        .param("p", person.value())
        .query(Integer.class)
        .single();
  }

  private long hours() {
    return olderThan.toHours();
  }
}
