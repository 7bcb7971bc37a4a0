package dev.rapport.engine.read;

/** What a post asks for or announces, as a seller would sort it. */
public enum Intent {
  /** Asks for recommendations, compares vendors, announces a search or plans a purchase. */
  BUYING,
  /** Unhappy with a named product and leaving it, or announcing a move to another. */
  SWITCHING,
  /** A complaint about a named brand or product, ours or another's. */
  COMPLAINT,
  /** Praise for a named brand, product or team. */
  PRAISE,
  /** A question or a request for help. */
  QUESTION
}
