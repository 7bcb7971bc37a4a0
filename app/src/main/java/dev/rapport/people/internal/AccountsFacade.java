package dev.rapport.people.internal;

import dev.rapport.people.AccountId;
import dev.rapport.people.AccountSummary;
import dev.rapport.people.Accounts;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The accounts facade other features use; visibility applies as for the API. */
@Component
class AccountsFacade implements Accounts {

  private final AccountStore accounts;
  private final Visible visible;

  AccountsFacade(AccountStore accounts, Visible visible) {
    this.accounts = accounts;
    this.visible = visible;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<AccountSummary> find(AccountId id) {
    return accounts
        .find(id.value())
        .filter(a -> visible.canSee(Visible.ACCOUNT, a.ownerUserId()))
        .map(PersonsFacade::summary);
  }

  @Override
  @Transactional(readOnly = true)
  public List<AccountSummary> search(String text, int limit) {
    ListQuery q =
        ListQuery.of(
            text, null, null, null, "name", 0, PersonsFacade.clamp(limit), AccountStore.SORTABLE);
    return accounts.page(q, visible.owners(Visible.ACCOUNT)).items().stream()
        .map(PersonsFacade::summary)
        .toList();
  }
}
