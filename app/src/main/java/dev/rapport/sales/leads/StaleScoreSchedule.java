package dev.rapport.sales.leads;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link StaleScores} every {@code rapport.leads.rescore.every} (default one hour, first run
 * after {@code rapport.leads.rescore.initial-delay}, default 5 minutes). Off when {@code
 * rapport.leads.rescore.enabled=false} (the tests' setting: they call the job themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "rapport.leads.rescore.enabled",
    havingValue = "true",
    matchIfMissing = true)
class StaleScoreSchedule {

  private final StaleScores job;

  StaleScoreSchedule(StaleScores job) {
    this.job = job;
  }

  @Scheduled(
      fixedDelayString = "${rapport.leads.rescore.every:PT1H}",
      initialDelayString = "${rapport.leads.rescore.initial-delay:PT5M}")
  void tick() {
    job.run();
  }
}
