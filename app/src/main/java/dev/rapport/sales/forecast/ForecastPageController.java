package dev.rapport.sales.forecast;

import dev.rapport.access.Actors;
import dev.rapport.access.Permission;
import dev.rapport.sales.ForecastCategory;
import dev.rapport.sales.forecast.ForecastQueries.Point;
import dev.rapport.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forecast page: per owner or team × month or quarter, each currency on its own line, the
 * weighted amount and the amounts per category (each a link to the deals behind it), the commit
 * override with who set it and when (managers set it inline), and the movement of the weighted
 * forecast across the weekly snapshots as a small chart.
 */
@Controller
class ForecastPageController {

  private final Forecasts forecasts;
  private final ForecastDrill drill;
  private final Actors actors;

  ForecastPageController(Forecasts forecasts, ForecastDrill drill, Actors actors) {
    this.forecasts = forecasts;
    this.drill = drill;
    this.actors = actors;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<String> invalid(InvalidInputException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.TEXT_PLAIN)
        .body(
            e.errors().stream()
                .map(f -> f.field() + " " + f.reason())
                .collect(Collectors.joining("; ")));
  }

  @GetMapping("/forecast")
  @PreAuthorize("@access.allows('DEALS_READ')")
  String page(
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) Integer periods,
      Model model) {
    ForecastInput in = new ForecastInput();
    String g = in.groupBy(groupBy);
    Period.Unit unit = in.unit(period);
    YearMonth start = in.from(from, forecasts.thisMonth());
    int count = in.count(periods, unit);
    try {
      in.check();
    } catch (InvalidInputException e) {
      model.addAttribute("error", "Some choices were not understood; showing the default view.");
      g = "owner";
      unit = Period.Unit.MONTH;
      start = forecasts.thisMonth();
      count = 6;
    }
    Forecasts.Table table = forecasts.table(g, unit, start, count);
    List<Point> points = forecasts.movement(table.periods());
    model.addAttribute("table", table);
    model.addAttribute("unit", unit.name().toLowerCase(Locale.ROOT));
    model.addAttribute("from", start.toString());
    model.addAttribute("count", count);
    model.addAttribute("categories", List.of(ForecastCategory.values()));
    model.addAttribute("canOverride", actors.current().can(Permission.DEALS_ADMIN));
    model.addAttribute("movement", chartData(points));
    model.addAttribute("weeks", points.stream().map(Point::week).distinct().count());
    return "sales/forecast/forecast";
  }

  /** "week,currency,weighted,commit;..." for the chart script (no inline script is allowed). */
  static String chartData(List<Point> points) {
    return points.stream()
        .map(p -> p.week() + "," + p.currency() + "," + p.weighted() + "," + p.commit())
        .collect(Collectors.joining(";"));
  }

  @GetMapping("/forecast/deals")
  @PreAuthorize("@access.allows('DEALS_READ')")
  String deals(
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) Long id,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) String category,
      Model model) {
    ForecastInput in = new ForecastInput();
    String g = in.groupBy(groupBy);
    long key = in.id("id", id);
    Period p = in.period(period);
    String cur = in.currency(currency);
    ForecastCategory cat = in.category(category);
    in.check();
    model.addAttribute("deals", drill.deals(g, key, p, cur, cat));
    model.addAttribute(
        "title",
        forecastName(g, key)
            + " · "
            + p.label()
            + " · "
            + cur
            + (cat == null ? "" : " · " + cat.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    model.addAttribute("limit", ForecastDrill.MAX_DEALS);
    return "sales/forecast/deals";
  }

  private String forecastName(String groupBy, long key) {
    return groupBy.equals("team") ? (key == 0 ? "No team" : "team") : forecasts.ownerName(key);
  }

  @PostMapping("/forecast/overrides")
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  String override(
      @RequestParam(required = false) String groupBy,
      @RequestParam(required = false) Long id,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) BigDecimal amount,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String back,
      RedirectAttributes redirect) {
    ForecastInput in = new ForecastInput();
    String g = in.groupBy(groupBy);
    long key = in.id("id", id);
    Period p = in.period(period);
    String cur = in.currency(currency);
    BigDecimal a = in.amount(amount);
    String n = in.note(note);
    in.check();
    forecasts.override(g.toUpperCase(Locale.ROOT), key, p.label(), cur, a, n);
    redirect.addFlashAttribute("notice", "Commit override saved.");
    return "redirect:" + back(back);
  }

  @PostMapping("/forecast/snapshots")
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  String snapshot(@RequestParam(required = false) String back, RedirectAttributes redirect) {
    var taken = forecasts.snapshot();
    redirect.addFlashAttribute(
        "notice", "Snapshot of the week of " + taken.get("week") + " taken.");
    return "redirect:" + back(back);
  }

  /** Only a path of the forecast page itself, so the form cannot redirect anywhere else. */
  static String back(String back) {
    if (back != null && back.length() < 300 && back.matches("/forecast\\?[A-Za-z0-9=&_-]*")) {
      return back;
    }
    return "/forecast";
  }
}
