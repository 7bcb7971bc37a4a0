package dev.rapport.sales.forecast;

import dev.rapport.sales.forecast.ForecastQueries.Cell;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In the demo workspace only: takes this week's forecast snapshot of the demo deals and, when no
 * snapshot was ever taken, writes six earlier weeks made from it (the forecast growing a few
 * percent a week), so the movement chart has a line to show on first start. Real workspaces only
 * ever get real snapshots.
 */
@Component
class ForecastDemo {

  static final int WEEKS = 6;

  private final ForecastQueries queries;
  private final Forecasts forecasts;
  private final Environment env;
  private final Clock clock = Clock.systemUTC();

  ForecastDemo(ForecastQueries queries, Forecasts forecasts, Environment env) {
    this.queries = queries;
    this.forecasts = forecasts;
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  void demo() {
    if (!env.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    Instant now = clock.instant();
    LocalDate week = Forecasts.weekOf(now);
    boolean never = !forecasts.hasSnapshot(week) && !forecasts.hasSnapshot(week.minusWeeks(1));
    forecasts.snapshot();
    if (!never) {
      return;
    }
    List<Cell> cells =
        queries.cells(
            "1 = 1", new HashMap<>(), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
    for (int k = 1; k <= WEEKS; k++) {
      BigDecimal f = BigDecimal.valueOf(1.0 - 0.06 * k + 0.02 * (k % 2));
      List<Cell> earlier =
          cells.stream()
              .map(
                  c ->
                      new Cell(
                          c.owner(),
                          c.month(),
                          c.currency(),
                          c.category(),
                          c.deals(),
                          c.amount().multiply(f).setScale(2, RoundingMode.HALF_UP),
                          c.weighted().multiply(f).setScale(2, RoundingMode.HALF_UP)))
              .toList();
      queries.replaceSnapshot(week.minusWeeks(k), earlier, now);
    }
  }
}
