package dev.rapport.engine.rules;

/** What parsing a rule gives: a {@link Rule}, or a {@link ParseError} that says why not. */
public sealed interface ParseResult permits Rule, ParseError {}
