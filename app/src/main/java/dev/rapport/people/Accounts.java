package dev.rapport.people;

import java.util.List;
import java.util.Optional;

/** Reads accounts (companies) for other features; only visible accounts are returned. */
public interface Accounts {

  Optional<AccountSummary> find(AccountId id);

  /** Accounts whose name or domain contains the text. */
  List<AccountSummary> search(String text, int limit);
}
