package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** An account's fields as given, before they are stored. */
record AccountDraft(
    String name,
    List<String> domains,
    String industry,
    Integer employees,
    String location,
    Long ownerUserId) {

  /** The same draft with another owner. */
  AccountDraft withOwner(Long owner) {
    return new AccountDraft(name, domains, industry, employees, location, owner);
  }

  AccountDraft {
    name = Fields.clean(name);
    industry = Fields.clean(industry);
    location = Fields.clean(location);
    LinkedHashSet<String> ds = new LinkedHashSet<>();
    if (domains != null) {
      for (String d : domains) {
        if (Fields.clean(d) != null) {
          ds.add(Fields.domainKey(d));
        }
      }
    }
    domains = List.copyOf(ds);
  }

  List<FieldError> problems() {
    List<FieldError> errors = new ArrayList<>();
    if (name == null) {
      errors.add(new FieldError("name", "is required"));
    }
    Fields.length(errors, "name", name, Fields.ACCOUNT_NAME);
    for (int i = 0; i < domains.size(); i++) {
      Fields.domain(errors, "domains[" + i + "]", domains.get(i));
    }
    Fields.length(errors, "industry", industry, Fields.INDUSTRY);
    Fields.length(errors, "location", location, Fields.LOCATION);
    if (employees != null && (employees < 1 || employees > 10_000_000)) {
      errors.add(new FieldError("employees", "must be between 1 and 10000000, was " + employees));
    }
    return errors;
  }

  void check() {
    List<FieldError> errors = problems();
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
