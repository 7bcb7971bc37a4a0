package dev.rapport.sales.forecast;

import dev.rapport.sales.ForecastCategory;
import dev.rapport.sales.Opportunity;
import dev.rapport.sales.forecast.ForecastQueries.Override;
import dev.rapport.sales.forecast.ForecastQueries.Point;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The forecast over JSON: the table (per owner or team, per month or quarter, per currency: amount,
 * weighted and per category, with the commit override in force), the deals behind a number, commit
 * overrides (DEALS_ADMIN) and the weekly snapshots (DEALS_ADMIN takes one now).
 */
@RestController
@Tag(name = "Forecast")
@RequestMapping(path = "/api/v1/forecast", produces = MediaType.APPLICATION_JSON_VALUE)
class ForecastApiController {

  static final String CURRENCY_NOTE =
      "Amounts are per currency: different currencies are never added together.";

  record OverrideJson(BigDecimal amount, String note, String setBy, String setAt) {
    static OverrideJson of(Override o) {
      return o == null ? null : new OverrideJson(o.amount(), o.note(), o.by(), o.at().toString());
    }
  }

  record LineJson(
      String groupBy,
      long id,
      String name,
      String period,
      String currency,
      long deals,
      BigDecimal amount,
      BigDecimal weighted,
      BigDecimal pipeline,
      BigDecimal bestCase,
      BigDecimal commit,
      BigDecimal closed,
      OverrideJson override) {
    static LineJson of(Forecasts.Line l) {
      Map<String, BigDecimal> c = l.byCategory();
      return new LineJson(
          l.scope().toLowerCase(java.util.Locale.ROOT),
          l.scopeId(),
          l.name(),
          l.period(),
          l.currency(),
          l.deals(),
          l.amount(),
          l.weighted(),
          c.getOrDefault("PIPELINE", BigDecimal.ZERO),
          c.getOrDefault("BEST_CASE", BigDecimal.ZERO),
          c.getOrDefault("COMMIT", BigDecimal.ZERO),
          c.getOrDefault("CLOSED", BigDecimal.ZERO),
          OverrideJson.of(l.override()));
    }
  }

  record TableJson(
      String groupBy, String unit, List<String> periods, String note, List<LineJson> items) {}

  record DealJson(
      long id,
      String name,
      String stage,
      String forecastCategory,
      int probability,
      BigDecimal amount,
      BigDecimal weighted,
      String currency,
      String closeDate,
      String owner) {
    static DealJson of(Opportunity o) {
      return new DealJson(
          o.id(),
          o.name(),
          o.stageName(),
          o.forecastCategory().name(),
          o.probability(),
          o.amount(),
          o.weightedAmount(),
          o.currency(),
          o.closeDate().toString(),
          o.ownerName());
    }
  }

  record OverrideBody(
      String groupBy, Long id, String period, String currency, BigDecimal amount, String note) {}

  private final Forecasts forecasts;
  private final ForecastDrill drill;

  ForecastApiController(Forecasts forecasts, ForecastDrill drill) {
    this.forecasts = forecasts;
    this.drill = drill;
  }

  @GetMapping
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Operation(summary = "The forecast: weighted and by category, per owner or team and period")
  TableJson table(
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) Integer periods) {
    ForecastInput in = new ForecastInput();
    String g = in.groupBy(groupBy);
    Period.Unit unit = in.unit(period);
    var start = in.from(from, forecasts.thisMonth());
    int count = in.count(periods, unit);
    in.check();
    Forecasts.Table t = forecasts.table(g, unit, start, count);
    return new TableJson(
        t.groupBy(),
        unit.name().toLowerCase(java.util.Locale.ROOT),
        t.periods().stream().map(Period::label).toList(),
        CURRENCY_NOTE,
        t.lines().stream().map(LineJson::of).toList());
  }

  @GetMapping("/deals")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Operation(summary = "The deals behind one number of the forecast (id 0: no owner or no team)")
  Map<String, Object> deals(
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) Long id,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) String category) {
    ForecastInput in = new ForecastInput();
    String g = in.groupBy(groupBy);
    long key = in.id("id", id);
    Period p = in.period(period);
    String cur = in.currency(currency);
    ForecastCategory cat = in.category(category);
    in.check();
    List<DealJson> items = drill.deals(g, key, p, cur, cat).stream().map(DealJson::of).toList();
    return Map.of("items", items, "total", items.size(), "limit", ForecastDrill.MAX_DEALS);
  }

  @PostMapping(path = "/overrides", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  @Operation(summary = "Set a commit override for an owner or team, period and currency")
  OverrideJson override(@RequestBody OverrideBody body) {
    ForecastInput in = new ForecastInput();
    if (body == null) {
      in.id("id", null);
      in.check();
    }
    String g = in.groupBy(body.groupBy());
    long key = in.id("id", body.id());
    Period p = in.period(body.period());
    String cur = in.currency(body.currency());
    BigDecimal amount = in.amount(body.amount());
    String note = in.note(body.note());
    in.check();
    return OverrideJson.of(
        forecasts.override(
            g.toUpperCase(java.util.Locale.ROOT), key, p.label(), cur, amount, note));
  }

  @GetMapping("/snapshots")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Operation(summary = "The forecast's movement: weighted and commit per weekly snapshot")
  Map<String, Object> snapshots(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) Integer periods) {
    ForecastInput in = new ForecastInput();
    Period.Unit unit = in.unit(period);
    var start = in.from(from, forecasts.thisMonth());
    int count = in.count(periods, unit);
    in.check();
    List<Point> points = forecasts.movement(Forecasts.periods(unit, start, count));
    return Map.of("items", points, "note", CURRENCY_NOTE);
  }

  @PostMapping("/snapshots")
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  @Operation(summary = "Take this week's snapshot now (replaces one taken earlier this week)")
  Map<String, Object> snapshot() {
    return forecasts.snapshot();
  }
}
