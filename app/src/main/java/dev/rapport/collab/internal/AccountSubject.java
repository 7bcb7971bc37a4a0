package dev.rapport.collab.internal;

import dev.rapport.access.Permission;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.User;
import dev.rapport.people.AccountId;
import dev.rapport.people.AccountSummary;
import dev.rapport.people.Accounts;
import dev.rapport.people.RecordAccess;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An account's feed: visible exactly when the account is (people's RecordAccess). */
@Component
class AccountSubject implements FeedSubject {

  private final RecordAccess records;
  private final Accounts accounts;
  private final RecordVisibility visibility;

  AccountSubject(RecordAccess records, Accounts accounts, RecordVisibility visibility) {
    this.records = records;
    this.accounts = accounts;
    this.visibility = visibility;
  }

  @Override
  public SubjectType type() {
    return SubjectType.ACCOUNT;
  }

  @Override
  public void requireVisible(long id) {
    records.requireVisibleAccount(new AccountId(id));
  }

  @Override
  public void requireChangeable(long id) {
    records.requireChangeableAccount(new AccountId(id));
  }

  @Override
  public Optional<String> title(long id) {
    return accounts.find(new AccountId(id)).map(AccountSummary::name);
  }

  @Override
  public boolean visibleTo(User user, long id) {
    // the owner as the current actor reads it (the caller already may see the account), then the
    // same visibility rule people's RecordAccess applies, asked for the other user
    return user.enabled()
        && user.actor().can(Permission.PEOPLE_READ)
        && accounts
            .find(new AccountId(id))
            .map(p -> visibility.canSee(user.actor(), "account", p.ownerUserId()))
            .orElse(false);
  }

  @Override
  public String href(long id) {
    return "/accounts/" + id;
  }
}
