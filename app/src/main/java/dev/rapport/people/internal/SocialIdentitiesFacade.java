package dev.rapport.people.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.people.Network;
import dev.rapport.people.PersonCreated;
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
class SocialIdentitiesFacade implements SocialIdentities {

  /** Which person an identity resolved to, and on what evidence. */
  record Resolution(long personId, long identityId, String matchedBy, boolean created) {}

  private final IdentityStore identities;
  private final PersonStore persons;
  private final PersonService personService;
  private final MergeProposals proposals;
  private final Ids ids;
  private final AuditLog audit;
  private final Owners owners;

  SocialIdentitiesFacade(
      IdentityStore identities,
      PersonStore persons,
      PersonService personService,
      MergeProposals proposals,
      Ids ids,
      AuditLog audit,
      Owners owners) {
    this.identities = identities;
    this.persons = persons;
    this.personService = personService;
    this.proposals = proposals;
    this.ids = ids;
    this.audit = audit;
    this.owners = owners;
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

  /**
   * Authors whose handle and profile URL nobody has yet, and that no other author of the batch
   * shares, are created together: their persons, identities and audit rows in one batch each. The
   * rest (known, or sharing a key within the batch) go through {@link #resolve} one by one after
   * them, so they find what the batch created.
   */
  @Override
  @Transactional
  public List<PersonId> resolveAuthors(List<Author> authors) {
    List<IdentityDraft> drafts = new java.util.ArrayList<>(authors.size());
    for (Author a : authors) {
      IdentityDraft d =
          new IdentityDraft(
              a.network(), a.handle(), a.profileUrl(), a.displayName(), a.bio(), a.followers());
      d.check();
      drafts.add(d);
    }
    java.util.Map<Network, java.util.Set<String>> handlesByNetwork = new java.util.HashMap<>();
    java.util.Set<String> urls = new java.util.HashSet<>();
    java.util.Map<String, Integer> uses = new java.util.HashMap<>();
    for (IdentityDraft d : drafts) {
      handlesByNetwork
          .computeIfAbsent(d.network(), n -> new java.util.HashSet<>())
          .add(d.handleKey());
      uses.merge("h\u0000" + d.network().key() + "\u0000" + d.handleKey(), 1, Integer::sum);
      if (d.urlKey() != null) {
        urls.add(d.urlKey());
        uses.merge("u\u0000" + d.urlKey(), 1, Integer::sum);
      }
    }
    java.util.Set<String> known = new java.util.HashSet<>();
    handlesByNetwork.forEach(
        (network, keys) ->
            identities
                .knownHandles(network, keys)
                .forEach(k -> known.add("h\u0000" + network.key() + "\u0000" + k)));
    identities.knownUrls(urls).forEach(k -> known.add("u\u0000" + k));

    PersonId[] out = new PersonId[drafts.size()];
    List<Integer> fresh = new java.util.ArrayList<>();
    PersonDraft[] personDrafts = new PersonDraft[drafts.size()];
    for (int i = 0; i < drafts.size(); i++) {
      IdentityDraft d = drafts.get(i);
      String h = "h\u0000" + d.network().key() + "\u0000" + d.handleKey();
      String u = d.urlKey() == null ? null : "u\u0000" + d.urlKey();
      boolean alone = uses.get(h) == 1 && (u == null || uses.get(u) == 1);
      if (alone && !known.contains(h) && (u == null || !known.contains(u))) {
        personDrafts[i] = draftFor(d, null).withOwner(owners.forListening());
        // a draft with problems goes the single way, which refuses it as it always did
        if (personDrafts[i].problems().isEmpty()) {
          fresh.add(i);
        }
      }
    }
    if (!fresh.isEmpty()) {
      Instant now = Instant.now();
      List<PersonStore.NewPerson> people = new java.util.ArrayList<>();
      List<Long> identityIds = new java.util.ArrayList<>();
      List<Long> personIds = new java.util.ArrayList<>();
      List<IdentityDraft> freshDrafts = new java.util.ArrayList<>();
      List<AuditLog.Entry> entries = new java.util.ArrayList<>();
      List<Long> blogPersons = new java.util.ArrayList<>();
      for (int i : fresh) {
        IdentityDraft d = drafts.get(i);
        long personId = ids.nextPerson();
        long identityId = ids.nextIdentity();
        PersonDraft draft = personDrafts[i];
        people.add(new PersonStore.NewPerson(personId, draft));
        identityIds.add(identityId);
        personIds.add(personId);
        freshDrafts.add(d);
        entries.add(
            new AuditLog.Entry(Visible.PERSON, personId, AuditLog.Action.CREATE, null, draft));
        entries.add(new AuditLog.Entry("identity", identityId, AuditLog.Action.CREATE, null, d));
        if (d.network() == Network.BLOG) {
          blogPersons.add(personId);
        }
        out[i] = new PersonId(personId);
      }
      persons.insertAll(people, now);
      identities.insertAll(identityIds, personIds, freshDrafts, now);
      audit.recordAll(entries);
      for (int k = 0; k < personIds.size(); k++) {
        personService.announceCreated(
            List.of(personIds.get(k)),
            PersonCreated.Origin.LISTENING,
            freshDrafts.get(k).network());
      }
      proposals.proposeAmong(blogPersons);
    }
    for (int i = 0; i < drafts.size(); i++) {
      if (out[i] == null) {
        out[i] = new PersonId(resolve(drafts.get(i), null, "listening").personId());
      }
    }
    return List.of(out);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PersonId> knownAuthors(List<Author> authors) {
    java.util.Map<Network, java.util.Set<String>> keys = new java.util.HashMap<>();
    for (Author a : authors) {
      keys.computeIfAbsent(a.network(), n -> new java.util.HashSet<>())
          .add(IdentityDraft.handleKey(a.handle()));
    }
    java.util.Map<Network, java.util.Map<String, Long>> found = new java.util.HashMap<>();
    keys.forEach((network, k) -> found.put(network, identities.personsOfHandles(network, k)));
    java.util.Map<Long, Long> live = new java.util.HashMap<>();
    List<PersonId> out = new java.util.ArrayList<>(authors.size());
    for (Author a : authors) {
      Long person = found.get(a.network()).get(IdentityDraft.handleKey(a.handle()));
      out.add(person == null ? null : new PersonId(live.computeIfAbsent(person, this::live)));
    }
    return java.util.Collections.unmodifiableList(out);
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
    long personId =
        personService.createUnproposed(draft, PersonService.origin(source), d.network()).value();
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
