package dev.rapport.sales;

/** Where a pipeline stage's deals count in the forecast. */
public enum ForecastCategory {
  PIPELINE,
  BEST_CASE,
  COMMIT,
  CLOSED
}
