package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** A person's fields as given by a user, a form or an import row, before they are stored. */
record PersonDraft(
    String firstName,
    String lastName,
    List<String> emails,
    List<String> phones,
    String title,
    Long accountId,
    Long ownerUserId,
    List<String> tags,
    boolean mayContact,
    String consentBasis) {

  PersonDraft {
    firstName = Fields.clean(firstName);
    lastName = Fields.clean(lastName);
    title = Fields.clean(title);
    consentBasis =
        Fields.clean(consentBasis) == null ? null : consentBasis.strip().toLowerCase(Locale.ROOT);
    emails = distinct(emails, true);
    phones = distinct(phones, false);
    tags = distinct(tags, true);
  }

  private static List<String> distinct(List<String> values, boolean lower) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    if (values != null) {
      for (String v : values) {
        String c = Fields.clean(v);
        if (c != null) {
          out.add(lower ? c.toLowerCase(Locale.ROOT) : c);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The same draft with another owner. */
  PersonDraft withOwner(Long owner) {
    return new PersonDraft(
        firstName,
        lastName,
        emails,
        phones,
        title,
        accountId,
        owner,
        tags,
        mayContact,
        consentBasis);
  }

  String fullName() {
    String n = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
    n = n.strip();
    return n.isEmpty() ? (emails.isEmpty() ? "(no name)" : emails.get(0)) : n;
  }

  String primaryEmail() {
    return emails.isEmpty() ? null : emails.get(0);
  }

  /** Every problem with the fields, each naming the field; empty when the draft can be stored. */
  List<FieldError> problems() {
    List<FieldError> errors = new ArrayList<>();
    Fields.length(errors, "firstName", firstName, Fields.NAME);
    Fields.length(errors, "lastName", lastName, Fields.NAME);
    if (firstName == null && lastName == null && emails.isEmpty()) {
      errors.add(new FieldError("lastName", "a person needs a name or an email"));
    }
    for (int i = 0; i < emails.size(); i++) {
      Fields.email(errors, "emails[" + i + "]", emails.get(i));
    }
    for (int i = 0; i < phones.size(); i++) {
      Fields.phone(errors, "phones[" + i + "]", phones.get(i));
    }
    Fields.length(errors, "title", title, Fields.TITLE);
    for (int i = 0; i < tags.size(); i++) {
      Fields.length(errors, "tags[" + i + "]", tags.get(i), Fields.TAG);
    }
    if (consentBasis != null && !Fields.CONSENT_BASES.contains(consentBasis)) {
      errors.add(
          new FieldError(
              "consentBasis",
              "'" + Fields.shorten(consentBasis) + "' is not one of " + Fields.CONSENT_BASES));
    }
    if (mayContact && (consentBasis == null || consentBasis.equals("none"))) {
      errors.add(new FieldError("consentBasis", "contact is allowed only with a basis"));
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
