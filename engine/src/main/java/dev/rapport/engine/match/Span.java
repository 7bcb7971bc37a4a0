package dev.rapport.engine.match;

/** Characters [start, end) of a post's text (or title, when inTitle) that made a rule match. */
public record Span(int start, int end, boolean inTitle) {}
