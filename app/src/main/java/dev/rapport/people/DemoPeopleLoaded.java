package dev.rapport.people;

import java.util.List;

/**
 * Published once when demo mode has created its sample persons and accounts, so that other features
 * can add their own sample rows (timelines, stage histories) for them.
 */
public record DemoPeopleLoaded(List<PersonId> persons, List<AccountId> accounts) {

  public DemoPeopleLoaded {
    persons = List.copyOf(persons);
    accounts = List.copyOf(accounts);
  }
}
