package dev.rapport.sales;

import java.time.Instant;

/** One appended score row: the total and its parts when it changed, and what caused it. */
public record LeadScoreChange(
    long id, int score, int fit, int engagement, int intent, String cause, Instant at) {}
