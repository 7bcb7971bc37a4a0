package dev.rapport.sales.forecast;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes the forecast's weekly snapshot: every hour (and a while after start) it checks whether this
 * week's snapshot exists and takes it if not, so a week is never missed because the server was down
 * on Monday morning, and a second run finds the week taken. {@code
 * rapport.forecast.snapshot-check-minutes} (0 turns it off).
 */
@Component
class SnapshotJob {

  private static final Logger log = LoggerFactory.getLogger(SnapshotJob.class);

  private final Forecasts forecasts;
  private final long minutes;
  private final Clock clock = Clock.systemUTC();
  private ScheduledExecutorService ticker;

  SnapshotJob(
      Forecasts forecasts, @Value("${rapport.forecast.snapshot-check-minutes:60}") long minutes) {
    this.forecasts = forecasts;
    this.minutes = minutes;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (minutes <= 0) {
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "forecast-snapshots");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleWithFixedDelay(this::tick, Math.min(5, minutes), minutes, TimeUnit.MINUTES);
  }

  /** Takes this week's snapshot if it is missing; answers whether it took one. */
  boolean tick() {
    try {
      if (forecasts.hasSnapshot(Forecasts.weekOf(clock.instant()))) {
        return false;
      }
      log.info("forecast snapshot taken: {}", forecasts.snapshot());
      return true;
    } catch (RuntimeException e) {
      log.warn("forecast snapshot failed, will try again: {}", e.toString());
      return false;
    }
  }

  @PreDestroy
  void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
