package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.PersonCreated;
import dev.rapport.people.PersonId;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Imports persons: dedupe by email or id, link accounts by domain, batch the inserts. */
@Component
class PersonImport implements ImportKind {

  private static final Map<String, Integer> FIELDS =
      Map.ofEntries(
          Map.entry("id", 20),
          Map.entry("first_name", Fields.NAME),
          Map.entry("last_name", Fields.NAME),
          Map.entry("email", 1000),
          Map.entry("phone", 200),
          Map.entry("title", Fields.TITLE),
          Map.entry("account_domain", Fields.DOMAIN),
          Map.entry("account_name", Fields.ACCOUNT_NAME),
          Map.entry("tags", 1000),
          Map.entry("may_contact", 10),
          Map.entry("consent_basis", 40),
          Map.entry("owner_id", 20));

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("firstname", "first_name"),
          Map.entry("given_name", "first_name"),
          Map.entry("lastname", "last_name"),
          Map.entry("surname", "last_name"),
          Map.entry("family_name", "last_name"),
          Map.entry("e_mail", "email"),
          Map.entry("email_address", "email"),
          Map.entry("emails", "email"),
          Map.entry("phones", "phone"),
          Map.entry("job_title", "title"),
          Map.entry("company", "account_name"),
          Map.entry("company_domain", "account_domain"),
          Map.entry("domain", "account_domain"),
          Map.entry("tag", "tags"),
          Map.entry("owner", "owner_id"));

  /** Which draft field problems belong to which import field. */
  private static final Map<String, String> DRAFT_TO_FIELD =
      Map.of(
          "firstName", "first_name",
          "lastName", "last_name",
          "emails", "email",
          "phones", "phone",
          "title", "title",
          "tags", "tags",
          "consentBasis", "consent_basis",
          "accountId", "account_domain");

  private final PersonStore persons;
  private final AccountStore accounts;
  private final Ids ids;
  private final AuditLog audit;
  private final Visible visible;
  private final ApplicationEventPublisher events;
  private final MergeProposals proposals;

  PersonImport(
      PersonStore persons,
      AccountStore accounts,
      Ids ids,
      AuditLog audit,
      Visible visible,
      ApplicationEventPublisher events,
      MergeProposals proposals) {
    this.persons = persons;
    this.accounts = accounts;
    this.ids = ids;
    this.audit = audit;
    this.visible = visible;
    this.events = events;
    this.proposals = proposals;
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
    return List.of("email", "id");
  }

  @Override
  public Counts apply(
      List<ImportRow> rows, String dedupeKey, boolean dry, Map<String, Integer> keys) {
    Set<String> emails = new LinkedHashSet<>();
    Set<Long> ids = new LinkedHashSet<>();
    Set<String> domains = new LinkedHashSet<>();
    for (ImportRow row : rows) {
      row.number("id");
      row.number("owner_id");
      row.bool("may_contact");
      for (String e : row.list("email")) {
        emails.add(Fields.emailKey(e));
      }
      String domain = row.get("account_domain");
      if (domain != null) {
        List<FieldError> bad = new ArrayList<>();
        Fields.domain(bad, "account_domain", Fields.domainKey(domain));
        bad.forEach(b -> row.reject("account_domain", b.reason()));
        domains.add(Fields.domainKey(domain));
      }
      checkKey(row, dedupeKey, keys);
      if (!row.isRejected() && row.get("id") != null) {
        ids.add(row.number("id"));
      }
    }
    Map<String, Long> emailOwners = persons.owningPersons(emails);
    Map<Long, Person> existing = new HashMap<>();
    persons.loadAll(ids).forEach(p -> existing.put(p.id(), p));
    Map<String, Long> domainAccounts = accounts.owningAccounts(domains);
    List<PersonStore.NewPerson> creates = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    Instant now = Instant.now();
    for (ImportRow row : rows) {
      if (row.isRejected()) {
        continue;
      }
      Long target = target(row, dedupeKey, emailOwners, existing);
      if (row.isRejected()) {
        continue;
      }
      for (String e : row.list("email")) {
        String key = Fields.emailKey(e);
        Long owner = emailOwners.get(key);
        if (owner != null && !owner.equals(target)) {
          row.reject("email", "'" + Fields.shorten(e) + "' already belongs to person " + owner);
        }
        Integer other = keys.putIfAbsent("@" + key, row.number);
        if (other != null && other != row.number) {
          row.reject("email", "'" + Fields.shorten(e) + "' is also in row " + other);
        }
      }
      if (row.isRejected()) {
        continue;
      }
      Person old = target == null ? null : existing.get(target);
      for (FieldError problem : draft(row, old, null).problems()) {
        String base = problem.field().replaceAll("\\[\\d+]$", "");
        row.reject(DRAFT_TO_FIELD.getOrDefault(base, base), problem.reason());
      }
      if (row.isRejected()) {
        continue;
      }
      // only a row that will be stored may create the account it points to
      PersonDraft draft = draft(row, old, account(row, domainAccounts, dry, now));
      if (old == null) {
        creates.add(new PersonStore.NewPerson(dry ? 0 : this.ids.nextPerson(), draft));
      } else {
        updates.add(new Object[] {old, draft});
      }
    }
    if (!dry) {
      write(creates, updates, now);
    }
    return new Counts(creates.size(), updates.size());
  }

  private void checkKey(ImportRow row, String dedupeKey, Map<String, Integer> keys) {
    String key;
    if (dedupeKey.equals("id")) {
      key = row.get("id");
      if (key == null) {
        row.reject("id", "is required when the dedupe key is id");
        return;
      }
    } else {
      List<String> emails = row.list("email");
      key = emails.isEmpty() ? null : Fields.emailKey(emails.get(0));
    }
    if (key != null) {
      Integer first = keys.putIfAbsent(dedupeKey + ":" + key, row.number);
      if (first != null) {
        row.reject(
            dedupeKey,
            "duplicate key '"
                + Fields.shorten(key)
                + "' ("
                + dedupeKey
                + "), first in row "
                + first);
      } else if (dedupeKey.equals("email")) {
        keys.put("@" + key, row.number);
      }
    }
  }

  private Long target(
      ImportRow row, String dedupeKey, Map<String, Long> emailOwners, Map<Long, Person> existing) {
    if (dedupeKey.equals("id")) {
      Long id = row.number("id");
      Person p = existing.get(id);
      if (p == null || p.mergedInto() != null || !visible.canSee(Visible.PERSON, p.ownerUserId())) {
        row.reject("id", "no person with id " + id);
        return null;
      }
      return id;
    }
    List<String> emails = row.list("email");
    if (emails.isEmpty()) {
      return null;
    }
    Long owner = emailOwners.get(Fields.emailKey(emails.get(0)));
    if (owner != null) {
      Person p = persons.find(owner).orElse(null);
      if (p == null || !visible.canSee(Visible.PERSON, p.ownerUserId())) {
        row.reject(
            "email", "'" + Fields.shorten(emails.get(0)) + "' belongs to a person you cannot see");
        return null;
      }
      existing.put(owner, p);
    }
    return owner;
  }

  private Long account(ImportRow row, Map<String, Long> domainAccounts, boolean dry, Instant now) {
    String domain = row.get("account_domain");
    if (domain == null) {
      return null;
    }
    String key = Fields.domainKey(domain);
    Long id = domainAccounts.get(key);
    if (id == null && !dry) {
      String name = row.get("account_name") == null ? key : row.get("account_name");
      AccountDraft draft = new AccountDraft(name, List.of(key), null, null, null, null);
      id = ids.nextAccount();
      accounts.insert(id, draft, now);
      audit.record(Visible.ACCOUNT, id, AuditLog.Action.CREATE, null, draft);
      domainAccounts.put(key, id);
    }
    return id;
  }

  private static PersonDraft draft(ImportRow row, Person old, Long accountId) {
    Boolean may = row.bool("may_contact");
    if (old == null) {
      return new PersonDraft(
          row.get("first_name"),
          row.get("last_name"),
          row.list("email"),
          row.list("phone"),
          row.get("title"),
          accountId,
          row.number("owner_id"),
          row.list("tags"),
          may != null && may,
          row.get("consent_basis"));
    }
    List<String> emails = new ArrayList<>(old.emails());
    emails.addAll(row.list("email"));
    List<String> phones = new ArrayList<>(old.phones());
    phones.addAll(row.list("phone"));
    List<String> tags = new ArrayList<>(old.tags());
    tags.addAll(row.list("tags"));
    Long owner = row.number("owner_id");
    String basis = row.get("consent_basis");
    return new PersonDraft(
        or(row.get("first_name"), old.firstName()),
        or(row.get("last_name"), old.lastName()),
        emails,
        phones,
        or(row.get("title"), old.title()),
        accountId != null ? accountId : old.accountId(),
        owner != null ? owner : old.ownerUserId(),
        tags,
        may != null ? may : old.mayContact(),
        or(basis, old.consentBasis()));
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private void write(List<PersonStore.NewPerson> creates, List<Object[]> updates, Instant now) {
    persons.insertAll(creates, now);
    List<Long> created = new ArrayList<>(creates.size());
    // one audit row per created or changed person, written as one batch per chunk
    List<AuditLog.Entry> trail = new ArrayList<>(creates.size() + updates.size());
    for (PersonStore.NewPerson p : creates) {
      trail.add(
          new AuditLog.Entry(Visible.PERSON, p.id(), AuditLog.Action.CREATE, null, p.draft()));
      events.publishEvent(
          new PersonCreated(new PersonId(p.id()), PersonCreated.Origin.IMPORT, null));
      created.add(p.id());
    }
    for (Object[] u : updates) {
      Person old = (Person) u[0];
      PersonDraft draft = (PersonDraft) u[1];
      if (!draft.equals(old.draft())) {
        persons.update(old.id(), draft, now);
        trail.add(
            new AuditLog.Entry(
                Visible.PERSON, old.id(), AuditLog.Action.UPDATE, old.draft(), draft));
      }
    }
    audit.recordAll(trail);
    proposals.proposeAmong(created);
  }
}
