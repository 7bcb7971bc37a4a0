package dev.rapport.lifecycle;

/** A product or product family; a person holds one stage per product line. */
public record ProductLine(long id, String name) {}
