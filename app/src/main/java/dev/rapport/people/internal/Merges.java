package dev.rapport.people.internal;

import dev.rapport.access.Actors;
import dev.rapport.access.AuditLog;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonsMerged;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Makes two persons one. The survivor takes every identity, email, phone and tag of the merged
 * person; the merged row stays, pointing at the survivor, so nothing is lost. Other features move
 * their rows when they hear {@link PersonsMerged}, in the same transaction.
 */
@Service
class Merges {

  /** A recorded merge and what moved. */
  record MergeRecord(
      long id,
      long survivorId,
      long mergedId,
      String reason,
      Long proposalId,
      Map<String, Object> moved,
      Instant mergedAt,
      String mergedBy,
      String explanation) {}

  private final JdbcClient jdbc;
  private final PersonService persons;
  private final MergeProposals proposals;
  private final AuditLog audit;
  private final Actors actors;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;

  Merges(
      JdbcClient jdbc,
      PersonService persons,
      MergeProposals proposals,
      AuditLog audit,
      Actors actors,
      ApplicationEventPublisher events,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.persons = persons;
    this.proposals = proposals;
    this.audit = audit;
    this.actors = actors;
    this.events = events;
    this.json = json;
  }

  @Transactional
  public MergeRecord merge(long survivorId, long mergedId, String reason, Long proposalId) {
    if (survivorId == mergedId) {
      throw InvalidInputException.of("mergedId", "a person cannot be merged into themselves");
    }
    String why = Fields.clean(reason);
    if (why == null) {
      throw InvalidInputException.of("reason", "say why these two are the same person");
    }
    if (why.length() > 1000) {
      throw InvalidInputException.of("reason", "at most 1000 characters");
    }
    Person survivor = persons.get(survivorId);
    Person merged = persons.get(mergedId);
    if (survivor.mergedInto() != null) {
      throw InvalidInputException.of(
          "survivorId",
          "person " + survivorId + " was already merged into " + survivor.mergedInto());
    }
    if (merged.mergedInto() != null) {
      throw InvalidInputException.of(
          "mergedId", "person " + mergedId + " was already merged into " + merged.mergedInto());
    }
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put(
        "identities",
        jdbc.sql("select id from social_identity where person_id = :m order by id")
            .param("m", mergedId)
            .query(Long.class)
            .list());
    moved.put("emails", merged.emails());
    moved.put("phones", merged.phones());
    moved.put("tags", merged.tags());
    move(survivorId, mergedId);
    fillBlanks(survivor, merged);
    Instant now = Instant.now();
    jdbc.sql(
            "update person set merged_into = :s, primary_email = null, updated_at = :now"
                + " where id = :m")
        .param("s", survivorId)
        .param("m", mergedId)
        .param("now", Timestamp.from(now))
        .update();
    // earlier merges into the merged person now point at the survivor
    jdbc.sql("update person set merged_into = :s where merged_into = :m")
        .param("s", survivorId)
        .param("m", mergedId)
        .update();
    String by = actors.current().name();
    proposals.supersede(mergedId, by);
    if (proposalId != null) {
      proposals.decide(proposalId, "accepted", by);
    }
    jdbc.sql(
            """
            insert into person_merge (survivor_id, merged_id, reason, proposal_id, moved,
              merged_at, merged_by) values (:s, :m, :reason, :p, :moved, :now, :by)
            """)
        .param("s", survivorId)
        .param("m", mergedId)
        .param("reason", why)
        .param("p", proposalId, java.sql.Types.BIGINT)
        .param("moved", json.writeValueAsString(moved))
        .param("now", Timestamp.from(now))
        .param("by", by)
        .update();
    audit.record(
        Visible.PERSON,
        mergedId,
        AuditLog.Action.UPDATE,
        merged.draft(),
        Map.of("mergedInto", survivorId, "reason", why));
    audit.record(
        Visible.PERSON,
        survivorId,
        AuditLog.Action.UPDATE,
        survivor.draft(),
        persons.get(survivorId).draft());
    events.publishEvent(new PersonsMerged(new PersonId(survivorId), new PersonId(mergedId), why));
    return list(survivorId).get(0);
  }

  private void move(long survivorId, long mergedId) {
    jdbc.sql("update social_identity set person_id = :s where person_id = :m")
        .param("s", survivorId)
        .param("m", mergedId)
        .update();
    jdbc.sql("update person_email set person_id = :s where person_id = :m")
        .param("s", survivorId)
        .param("m", mergedId)
        .update();
    for (String[] t : new String[][] {{"person_phone", "phone"}, {"person_tag", "tag"}}) {
      jdbc.sql(
              "insert into "
                  + t[0]
                  + " (person_id, "
                  + t[1]
                  + ") select :s, m."
                  + t[1]
                  + " from "
                  + t[0]
                  + " m where m.person_id = :m and not exists (select 1 from "
                  + t[0]
                  + " x where x.person_id = :s and x."
                  + t[1]
                  + " = m."
                  + t[1]
                  + ")")
          .param("s", survivorId)
          .param("m", mergedId)
          .update();
      jdbc.sql("delete from " + t[0] + " where person_id = :m").param("m", mergedId).update();
    }
  }

  private void fillBlanks(Person survivor, Person merged) {
    jdbc.sql(
            """
            update person set title = coalesce(title, :title),
              account_id = coalesce(account_id, :account),
              owner_user_id = coalesce(owner_user_id, :owner),
              primary_email = coalesce(primary_email, :email)
            where id = :s
            """)
        .param("title", merged.title())
        .param("account", merged.accountId(), java.sql.Types.BIGINT)
        .param("owner", merged.ownerUserId(), java.sql.Types.BIGINT)
        .param("email", merged.emails().isEmpty() ? null : merged.emails().get(0))
        .param("s", survivor.id())
        .update();
  }

  @Transactional
  public MergeRecord accept(long proposalId, Long survivorId) {
    MergeProposals.Proposal p =
        proposals
            .find(proposalId)
            .orElseThrow(() -> new NotFoundException("merge proposal", proposalId));
    if (!p.status().equals("pending")) {
      throw InvalidInputException.of("status", "proposal " + proposalId + " is " + p.status());
    }
    long survivor = survivorId == null ? p.personA() : survivorId;
    if (survivor != p.personA() && survivor != p.personB()) {
      throw InvalidInputException.of("survivorId", "must be " + p.personA() + " or " + p.personB());
    }
    long merged = survivor == p.personA() ? p.personB() : p.personA();
    return merge(
        survivor, merged, "accepted proposal " + proposalId + ": " + p.evidence(), proposalId);
  }

  @Transactional
  public MergeProposals.Proposal reject(long proposalId) {
    MergeProposals.Proposal p =
        proposals
            .find(proposalId)
            .orElseThrow(() -> new NotFoundException("merge proposal", proposalId));
    if (!p.status().equals("pending")) {
      throw InvalidInputException.of("status", "proposal " + proposalId + " is " + p.status());
    }
    persons.get(p.personA());
    persons.get(p.personB());
    proposals.decide(proposalId, "rejected", actors.current().name());
    audit.record(
        "merge_proposal",
        proposalId,
        AuditLog.Action.UPDATE,
        Map.of("status", "pending"),
        Map.of("status", "rejected"));
    return proposals.find(proposalId).orElseThrow();
  }

  /** Merges, newest first; those touching one person when an id is given. */
  @Transactional(readOnly = true)
  public List<MergeRecord> list(Long personId) {
    String where = personId == null ? "" : " where survivor_id = :p or merged_id = :p";
    var spec = jdbc.sql("select * from person_merge" + where + " order by id desc limit 500");
    if (personId != null) {
      spec = spec.param("p", personId);
    }
    return spec.query(
            (rs, n) -> {
              long proposal = rs.getLong("proposal_id");
              Long proposalId = rs.wasNull() ? null : proposal;
              @SuppressWarnings("unchecked")
              Map<String, Object> moved = json.readValue(rs.getString("moved"), Map.class);
              long s = rs.getLong("survivor_id");
              long m = rs.getLong("merged_id");
              String reason = rs.getString("reason");
              String by = rs.getString("merged_by");
              return new MergeRecord(
                  rs.getLong("id"),
                  s,
                  m,
                  reason,
                  proposalId,
                  moved,
                  rs.getTimestamp("merged_at").toInstant(),
                  by,
                  explain(s, m, reason, by, proposalId, moved));
            })
        .list();
  }

  @Transactional(readOnly = true)
  public MergeRecord explain(long mergeId) {
    MergeRecord r =
        list(null).stream()
            .filter(m -> m.id() == mergeId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("merge", mergeId));
    persons.get(r.survivorId());
    return r;
  }

  private static String explain(
      long s, long m, String reason, String by, Long proposalId, Map<String, Object> moved) {
    return "Person "
        + m
        + " was merged into person "
        + s
        + " by "
        + by
        + (proposalId == null ? " directly" : " accepting proposal " + proposalId)
        + ", because: "
        + reason
        + ". Moved to the survivor: "
        + size(moved.get("identities"))
        + " identities, "
        + size(moved.get("emails"))
        + " emails, "
        + size(moved.get("phones"))
        + " phones, "
        + size(moved.get("tags"))
        + " tags; timeline and stage history follow through the PersonsMerged event.";
  }

  private static int size(Object o) {
    return o instanceof List<?> l ? l.size() : 0;
  }
}
