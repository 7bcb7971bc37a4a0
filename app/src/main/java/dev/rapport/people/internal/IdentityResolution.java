package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the person behind an identity: by email first, then profile URL, then handle on the same
 * network. Only when nothing matches is a person created.
 */
@Service
class IdentityResolution implements SocialIdentities {

  /** Which person an identity resolved to, and on what evidence. */
  record Resolution(long personId, long identityId, String matchedBy, boolean created) {}

  private final IdentityStore identities;
  private final PersonStore persons;
  private final PersonService personService;
  private final MergeProposals proposals;
  private final Ids ids;
  private final AuditLog audit;

  IdentityResolution(
      IdentityStore identities,
      PersonStore persons,
      PersonService personService,
      MergeProposals proposals,
      Ids ids,
      AuditLog audit) {
    this.identities = identities;
    this.persons = persons;
    this.personService = personService;
    this.proposals = proposals;
    this.ids = ids;
    this.audit = audit;
  }

  @Override
  @Transactional
  public PersonId resolveAuthor(
      Network network,
      String handle,
      String profileUrl,
      String displayName,
      String bio,
      Integer followers) {
    IdentityDraft d = new IdentityDraft(network, handle, profileUrl, displayName, bio, followers);
    return new PersonId(resolve(d, null, "listening").personId());
  }

  @Transactional
  public Resolution resolve(IdentityDraft d, String email, String source) {
    d.check();
    String mail = Fields.clean(email);
    if (mail != null) {
      List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
      Fields.email(errors, "email", mail);
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors);
      }
    }
    Optional<Identity> byUrl = identities.byUrl(d.urlKey());
    Optional<Identity> byHandle = identities.byHandle(d.network(), d.handleKey());
    Optional<Identity> known = byHandle.isPresent() ? byHandle : byUrl;
    if (mail != null) {
      Optional<Long> owner = persons.personWithEmail(mail);
      if (owner.isPresent()) {
        long identityId = ensureIdentity(known, owner.get(), d);
        return new Resolution(live(owner.get()), identityId, "email", false);
      }
    }
    if (byUrl.isPresent() && byUrl.get().personId() != null) {
      long identityId = ensureIdentity(byHandle, byUrl.get().personId(), d);
      return new Resolution(live(byUrl.get().personId()), identityId, "profile_url", false);
    }
    if (byHandle.isPresent() && byHandle.get().personId() != null) {
      identities.refresh(byHandle.get().id(), d);
      return new Resolution(live(byHandle.get().personId()), byHandle.get().id(), "handle", false);
    }
    PersonDraft draft = draftFor(d, mail);
    long personId = personService.createUnproposed(draft, source).value();
    long identityId = ensureIdentity(known, personId, d);
    // Merge evidence is a company domain (MergeProposals): a new person from an identity has one
    // only through an email or a blog. A social handle alone has none, so the lookups are skipped;
    // on a listening stream most new authors are such handles.
    if (mail != null || d.network() == Network.BLOG) {
      proposals.proposeFor(personId);
    }
    return new Resolution(personId, identityId, "none", true);
  }

  /** Adds an identity to a person; refused when it already belongs to someone else. */
  @Transactional
  public Identity attach(long personId, IdentityDraft d) {
    d.check();
    Person person = personService.get(personId);
    Optional<Identity> existing = identities.byHandle(d.network(), d.handleKey());
    if (existing.isPresent()
        && existing.get().personId() != null
        && existing.get().personId() != personId) {
      throw InvalidInputException.of(
          "handle",
          d.network().key()
              + " handle "
              + d.handle()
              + " already belongs to person "
              + existing.get().personId()
              + "; merge the two persons instead");
    }
    long id = ensureIdentity(existing, person.id(), d);
    proposals.proposeFor(personId);
    return identities.find(id).orElseThrow();
  }

  @Transactional
  public void remove(long identityId) {
    Identity identity =
        identities
            .find(identityId)
            .orElseThrow(() -> new NotFoundException("identity", identityId));
    if (identity.personId() != null) {
      personService.get(identity.personId());
    }
    identities.delete(identityId);
    audit.record("identity", identityId, AuditLog.Action.DELETE, identity, null);
  }

  @Transactional(readOnly = true)
  public Identity get(long identityId) {
    Identity identity =
        identities
            .find(identityId)
            .orElseThrow(() -> new NotFoundException("identity", identityId));
    if (identity.personId() != null) {
      personService.get(identity.personId());
    }
    return identity;
  }

  private long ensureIdentity(Optional<Identity> known, long personId, IdentityDraft d) {
    if (known.isPresent()) {
      Identity i = known.get();
      identities.refresh(i.id(), d);
      if (i.personId() == null) {
        identities.attach(i.id(), personId);
        audit.record(
            "identity", i.id(), AuditLog.Action.UPDATE, i, java.util.Map.of("personId", personId));
      }
      return i.id();
    }
    long id = ids.nextIdentity();
    identities.insert(id, personId, d, Instant.now());
    audit.record("identity", id, AuditLog.Action.CREATE, null, d);
    return id;
  }

  private long live(long personId) {
    return persons
        .find(personId)
        .map(p -> p.mergedInto() == null ? personId : p.mergedInto())
        .orElse(personId);
  }

  private static PersonDraft draftFor(IdentityDraft d, String email) {
    String name = d.displayName() != null ? d.displayName() : d.handle();
    if (name.length() > Fields.NAME * 2) {
      name = name.substring(0, Fields.NAME * 2);
    }
    String first = null;
    String last = name;
    int space = name.lastIndexOf(' ');
    if (space > 0) {
      first = name.substring(0, space);
      last = name.substring(space + 1);
    }
    if (first != null && first.length() > Fields.NAME) {
      first = first.substring(0, Fields.NAME);
    }
    if (last.length() > Fields.NAME) {
      last = last.substring(0, Fields.NAME);
    }
    return new PersonDraft(
        first,
        last,
        email == null ? List.of() : List.of(email),
        List.of(),
        null,
        null,
        null,
        List.of(d.network().key()),
        false,
        null);
  }
}
