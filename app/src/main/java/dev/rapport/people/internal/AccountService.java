package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import dev.rapport.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes accounts, with their audit rows. */
@Service
class AccountService {

  private final AccountStore accounts;
  private final Ids ids;
  private final AuditLog audit;
  private final Visible visible;
  private final JdbcClient jdbc;
  private final Owners owners;

  AccountService(
      AccountStore accounts,
      Ids ids,
      AuditLog audit,
      Visible visible,
      JdbcClient jdbc,
      Owners owners) {
    this.accounts = accounts;
    this.ids = ids;
    this.audit = audit;
    this.visible = visible;
    this.jdbc = jdbc;
    this.owners = owners;
  }

  @Transactional
  public long create(AccountDraft given) {
    AccountDraft draft = given;
    Long defaultOwner = null;
    if (given.ownerUserId() == null) {
      defaultOwner = owners.creator();
      draft = given.withOwner(defaultOwner);
    }
    check(draft, null, defaultOwner);
    long id = ids.nextAccount();
    accounts.insert(id, draft, Instant.now());
    audit.record(Visible.ACCOUNT, id, AuditLog.Action.CREATE, null, draft);
    return id;
  }

  @Transactional
  public Account update(long id, AccountDraft draft) {
    Account old = get(id);
    check(draft, id, old.ownerUserId());
    accounts.update(id, draft, Instant.now());
    audit.record(Visible.ACCOUNT, id, AuditLog.Action.UPDATE, old.draft(), draft);
    return get(id);
  }

  @Transactional
  public void delete(long id) {
    Account old = get(id);
    long people =
        jdbc.sql("select count(*) from person where account_id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    accounts.delete(id);
    audit.record(
        Visible.ACCOUNT,
        id,
        AuditLog.Action.DELETE,
        old.draft(),
        Map.of("personsUnlinked", people));
  }

  @Transactional(readOnly = true)
  public Account get(long id) {
    return accounts
        .find(id)
        .filter(a -> visible.canSee(Visible.ACCOUNT, a.ownerUserId()))
        .orElseThrow(() -> new NotFoundException("account", id));
  }

  @Transactional(readOnly = true)
  public Page<Account> list(ListQuery query) {
    return accounts.page(query, visible.owners(Visible.ACCOUNT));
  }

  /** The draft's problems, and whether the actor may make its owner the owner (unless kept). */
  private void check(AccountDraft draft, Long self, Long keptOwner) {
    List<FieldError> errors = new ArrayList<>(draft.problems());
    owners.check(Visible.ACCOUNT, draft.ownerUserId(), keptOwner, errors);
    Map<String, Long> owners = accounts.owningAccounts(draft.domains());
    for (int i = 0; i < draft.domains().size(); i++) {
      Long owner = owners.get(draft.domains().get(i));
      if (owner != null && !owner.equals(self)) {
        errors.add(new FieldError("domains[" + i + "]", "already belongs to account " + owner));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
