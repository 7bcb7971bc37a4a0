package dev.rapport.lifecycle;

/** One stage of a lifecycle model, in its current name and position. */
public record Stage(
    long id, long modelId, String name, int position, StageOwner owner, CountsAs countsAs) {}
