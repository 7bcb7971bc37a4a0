package dev.rapport.people.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Shapes stored persons and accounts for the API and the pages, with their ICP fit. */
@Component
class Views {

  /** A person as the API returns it. */
  record PersonView(
      long id,
      String firstName,
      String lastName,
      String name,
      List<String> emails,
      List<String> phones,
      String title,
      Long accountId,
      String accountName,
      Long ownerUserId,
      List<String> tags,
      boolean mayContact,
      String consentBasis,
      Long mergedInto,
      Icp.Fit fit,
      Instant createdAt,
      Instant updatedAt) {}

  /** An account as the API returns it. */
  record AccountView(
      long id,
      String name,
      List<String> domains,
      String industry,
      Integer employees,
      String location,
      Long ownerUserId,
      Instant createdAt,
      Instant updatedAt) {}

  /** A page of results as the API returns it. */
  record PageView<T>(List<T> items, int page, int size, long total) {}

  private final Icp icp;
  private final AccountStore accounts;

  Views(Icp icp, AccountStore accounts) {
    this.icp = icp;
    this.accounts = accounts;
  }

  PersonView person(Person p) {
    return persons(List.of(p)).get(0);
  }

  List<PersonView> persons(List<Person> persons) {
    Icp.Profile profile = icp.profile();
    Map<Long, Account> byId = new HashMap<>();
    accounts
        .loadAll(persons.stream().map(Person::accountId).filter(a -> a != null).distinct().toList())
        .forEach(a -> byId.put(a.id(), a));
    return persons.stream()
        .map(
            p ->
                new PersonView(
                    p.id(),
                    p.firstName(),
                    p.lastName(),
                    p.fullName(),
                    p.emails(),
                    p.phones(),
                    p.title(),
                    p.accountId(),
                    p.accountName(),
                    p.ownerUserId(),
                    p.tags(),
                    p.mayContact(),
                    p.consentBasis(),
                    p.mergedInto(),
                    icp.fit(
                        profile, p.title(), p.accountId() == null ? null : byId.get(p.accountId())),
                    p.createdAt(),
                    p.updatedAt()))
        .toList();
  }

  static AccountView account(Account a) {
    return new AccountView(
        a.id(),
        a.name(),
        a.domains(),
        a.industry(),
        a.employees(),
        a.location(),
        a.ownerUserId(),
        a.createdAt(),
        a.updatedAt());
  }

  <T, V> PageView<V> page(Page<T> page, List<V> items) {
    return new PageView<>(items, page.page(), page.size(), page.total());
  }
}
