package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Imports accounts: dedupe by domain or id. */
@Component
class AccountImport implements ImportKind {

  private static final Map<String, Integer> FIELDS =
      Map.of(
          "id", 20,
          "name", Fields.ACCOUNT_NAME,
          "domains", 2000,
          "industry", Fields.INDUSTRY,
          "employees", 10,
          "location", Fields.LOCATION,
          "owner_id", 20);

  private static final Map<String, String> ALIASES =
      Map.of(
          "domain", "domains",
          "website", "domains",
          "company", "name",
          "account_name", "name",
          "size", "employees",
          "headcount", "employees",
          "country", "location",
          "owner", "owner_id");

  private final AccountStore accounts;
  private final Ids ids;
  private final AuditLog audit;
  private final Visible visible;

  private final Owners ownersOf;

  AccountImport(AccountStore accounts, Ids ids, AuditLog audit, Visible visible, Owners owners) {
    this.ownersOf = owners;
    this.accounts = accounts;
    this.ids = ids;
    this.audit = audit;
    this.visible = visible;
  }

  @Override
  public Map<String, Integer> fields() {
    return FIELDS;
  }

  @Override
  public Map<String, String> aliases() {
    return ALIASES;
  }

  @Override
  public List<String> dedupeKeys() {
    return List.of("domain", "id");
  }

  @Override
  public Counts apply(
      List<ImportRow> rows, String dedupeKey, boolean dry, Map<String, Integer> keys) {
    Map<Long, List<FieldError>> ownerChecks = new java.util.HashMap<>();
    Set<String> domains = new LinkedHashSet<>();
    Set<Long> idSet = new LinkedHashSet<>();
    for (ImportRow row : rows) {
      row.number("owner_id");
      row.number("employees");
      Long id = row.number("id");
      row.list("domains").forEach(d -> domains.add(Fields.domainKey(d)));
      String key = dedupeKey.equals("id") ? row.get("id") : firstDomain(row);
      if (dedupeKey.equals("id") && key == null) {
        row.reject("id", "is required when the dedupe key is id");
      }
      if (key != null && !row.isRejected()) {
        Integer first = keys.putIfAbsent(dedupeKey + ":" + key, row.number);
        if (first != null) {
          row.reject(
              dedupeKey.equals("id") ? "id" : "domains",
              "duplicate key '"
                  + Fields.shorten(key)
                  + "' ("
                  + dedupeKey
                  + "), first in row "
                  + first);
        }
      }
      if (id != null) {
        idSet.add(id);
      }
    }
    Map<String, Long> owners = accounts.owningAccounts(domains);
    Map<Long, Account> existing = new HashMap<>();
    accounts.loadAll(idSet).forEach(a -> existing.put(a.id(), a));
    int created = 0;
    int updated = 0;
    Instant now = Instant.now();
    for (ImportRow row : rows) {
      if (row.isRejected()) {
        continue;
      }
      Long target = null;
      if (dedupeKey.equals("id")) {
        Account a = existing.get(row.number("id"));
        if (a == null || !visible.canSee(Visible.ACCOUNT, a.ownerUserId())) {
          row.reject("id", "no account with id " + row.get("id"));
          continue;
        }
        target = a.id();
      } else if (firstDomain(row) != null) {
        target = owners.get(firstDomain(row));
        if (target != null && !existing.containsKey(target)) {
          accounts.find(target).ifPresent(a -> existing.put(a.id(), a));
        }
      }
      for (String d : row.list("domains")) {
        Long owner = owners.get(Fields.domainKey(d));
        if (owner != null && !owner.equals(target)) {
          row.reject("domains", "'" + Fields.shorten(d) + "' already belongs to account " + owner);
        }
        Integer other = keys.putIfAbsent("@" + Fields.domainKey(d), row.number);
        if (other != null && other != row.number) {
          row.reject("domains", "'" + Fields.shorten(d) + "' is also in row " + other);
        }
      }
      Account old = target == null ? null : existing.get(target);
      AccountDraft draft = draft(row, old);
      for (FieldError problem : draft.problems()) {
        row.reject(problem.field().replaceAll("\\[\\d+]$", ""), problem.reason());
      }
      // a new account belongs to the row's owner_id, else the import's owner, else the importer
      Long newOwner = row.newOwner != null ? row.newOwner : ownersOf.creator();
      ownersOf
          .checkCached(
              Visible.ACCOUNT,
              row.number("owner_id"),
              old == null ? newOwner : old.ownerUserId(),
              ownerChecks)
          .forEach(problem -> row.reject("owner_id", problem.reason()));
      if (old == null && draft.ownerUserId() == null) {
        draft = draft.withOwner(newOwner);
      }
      if (row.isRejected()) {
        continue;
      }
      if (old == null) {
        created++;
        if (!dry) {
          long id = ids.nextAccount();
          accounts.insert(id, draft, now);
          audit.record(Visible.ACCOUNT, id, AuditLog.Action.CREATE, null, draft);
          draft.domains().forEach(d -> owners.put(d, id));
        }
      } else {
        updated++;
        if (!dry && !draft.equals(old.draft())) {
          accounts.update(old.id(), draft, now);
          audit.record(Visible.ACCOUNT, old.id(), AuditLog.Action.UPDATE, old.draft(), draft);
        }
      }
    }
    return new Counts(created, updated);
  }

  private static String firstDomain(ImportRow row) {
    List<String> ds = row.list("domains");
    return ds.isEmpty() ? null : Fields.domainKey(ds.get(0));
  }

  private static AccountDraft draft(ImportRow row, Account old) {
    Long employees = row.number("employees");
    Integer emp = employees == null ? null : (int) Math.min(Integer.MAX_VALUE, employees);
    if (old == null) {
      return new AccountDraft(
          row.get("name"),
          row.list("domains"),
          row.get("industry"),
          emp,
          row.get("location"),
          row.number("owner_id"));
    }
    List<String> domains = new ArrayList<>(old.domains());
    domains.addAll(row.list("domains"));
    Long owner = row.number("owner_id");
    return new AccountDraft(
        row.get("name") != null ? row.get("name") : old.name(),
        domains,
        row.get("industry") != null ? row.get("industry") : old.industry(),
        emp != null ? emp : old.employees(),
        row.get("location") != null ? row.get("location") : old.location(),
        owner != null ? owner : old.ownerUserId());
  }
}
