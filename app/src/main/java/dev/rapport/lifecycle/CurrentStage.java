package dev.rapport.lifecycle;

import java.time.Instant;

/** Where a person stands in one product line and since when. */
public record CurrentStage(ProductLine productLine, Stage stage, Instant since) {}
