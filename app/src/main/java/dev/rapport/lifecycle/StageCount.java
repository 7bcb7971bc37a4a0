package dev.rapport.lifecycle;

/** How many persons stand in a stage now, for one product line. */
public record StageCount(Stage stage, long persons) {}
