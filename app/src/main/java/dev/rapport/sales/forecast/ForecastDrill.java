package dev.rapport.sales.forecast;

import dev.rapport.sales.ForecastCategory;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Opportunity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals behind one number of the forecast: a group (owner or team, 0 for none), a period, a
 * currency and optionally a category; biggest first, read through the opportunities facade so each
 * deal is one the user may see.
 */
@Service
class ForecastDrill {

  static final int MAX_DEALS = 100;

  private final Forecasts forecasts;
  private final ForecastQueries queries;
  private final Opportunities deals;

  ForecastDrill(Forecasts forecasts, ForecastQueries queries, Opportunities deals) {
    this.forecasts = forecasts;
    this.queries = queries;
    this.deals = deals;
  }

  @Transactional(readOnly = true)
  List<Opportunity> deals(
      String groupBy, long key, Period period, String currency, ForecastCategory category) {
    Map<String, Object> params = new HashMap<>();
    String where = forecasts.groupWhere(groupBy, key, params) + " and o.currency = :currency";
    params.put("currency", currency);
    if (category != null) {
      where += " and s.forecast_category = :category";
      params.put("category", category.name());
    }
    return queries.dealIds(where, params, period.from(), period.to(), MAX_DEALS).stream()
        .map(deals::get)
        .flatMap(Optional::stream)
        .toList();
  }
}
