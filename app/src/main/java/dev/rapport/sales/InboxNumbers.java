package dev.rapport.sales;

/**
 * What waits in the response inbox for one user, for the home page and the navigation's counts:
 * items assigned to them that are not done or snoozed, and of those the ones past their SLA.
 */
public interface InboxNumbers {

  /** Waiting and breached items of a user. */
  record Counts(long waiting, long breached) {}

  Counts forUser(long userId);
}
