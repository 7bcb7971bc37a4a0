package dev.rapport.sales.deals;

import dev.rapport.access.Actor;
import dev.rapport.access.Actors;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.people.AccountId;
import dev.rapport.people.AccountSummary;
import dev.rapport.people.Accounts;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import dev.rapport.sales.CloseReason;
import dev.rapport.sales.DealChange;
import dev.rapport.sales.DealConflictException;
import dev.rapport.sales.DealSource;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.DealWon;
import dev.rapport.sales.Gate;
import dev.rapport.sales.GateEvidence;
import dev.rapport.sales.GateState;
import dev.rapport.sales.GatesMissingException;
import dev.rapport.sales.NewOpportunity;
import dev.rapport.sales.NewStakeholder;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Opportunity;
import dev.rapport.sales.OpportunityChanges;
import dev.rapport.sales.OpportunityFilter;
import dev.rapport.sales.OpportunityPage;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineStage;
import dev.rapport.sales.Stakeholder;
import dev.rapport.sales.Stance;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import dev.rapport.timeline.NewTouchpoint;
import dev.rapport.timeline.SourceRef;
import dev.rapport.timeline.Timeline;
import dev.rapport.timeline.TouchpointKind;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@link Opportunities}. Visibility is the workspace's setting for "opportunity" (own, team
 * or everyone by the deal's owner; deals without an owner are visible to all); a hidden deal is not
 * found. Every change is a conditional update on the deal's version, so of two concurrent changes
 * one wins and the other is a {@link DealConflictException}, and only the winner appends its row.
 */
@Service
public class OpportunitiesFacade implements Opportunities {

  static final String OBJECT_TYPE = "opportunity";
  static final int MAX_PAGE = 500;
  static final int MAX_PERSONS = 50;
  static final int MAX_LINKS = 20;
  static final String WON_SOURCE = "sales.deal.won";
  static final String OPENED_SOURCE = "sales.deal.opened";
  static final String LOST_SOURCE = "sales.deal.lost";

  private final DealStore store;
  private final PipelineStore pipelines;
  private final Actors actors;
  private final RecordVisibility visibility;
  private final Users users;
  private final Persons persons;
  private final Accounts accounts;
  private final Lifecycle lifecycle;
  private final Timeline timeline;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OpportunitiesFacade(
      DealStore store,
      PipelineStore pipelines,
      Actors actors,
      RecordVisibility visibility,
      Users users,
      Persons persons,
      Accounts accounts,
      Lifecycle lifecycle,
      Timeline timeline,
      ApplicationEventPublisher events) {
    this.store = store;
    this.pipelines = pipelines;
    this.actors = actors;
    this.visibility = visibility;
    this.users = users;
    this.persons = persons;
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.timeline = timeline;
    this.events = events;
    this.clock = Clock.systemUTC();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  // ---- create

  @Override
  @Transactional
  public Opportunity create(NewOpportunity n) {
    Objects.requireNonNull(n, "opportunity");
    Actor actor = actors.current();
    DealInput in = new DealInput();
    String name = in.text("name", n.name(), 200, true);
    BigDecimal amount = in.amount("amount", n.amount());
    String currency = in.currency("currency", n.currency());
    BigDecimal margin = in.margin("expectedMargin", n.expectedMargin(), amount);
    LocalDate closeDate =
        in.closeDate("closeDate", n.closeDate(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    Pipeline pipeline = null;
    if (n.pipelineId() == null) {
      pipeline = defaultPipeline();
    } else {
      pipeline = pipelines.find(n.pipelineId()).orElse(null);
      if (pipeline == null) {
        in.fail("pipelineId", "there is no pipeline " + n.pipelineId());
      }
    }
    PipelineStage stage = null;
    if (pipeline != null) {
      if (n.stageId() == null) {
        stage = pipeline.openStages().isEmpty() ? null : pipeline.openStages().get(0);
        if (stage == null) {
          in.fail("pipelineId", "pipeline '" + pipeline.name() + "' has no open stage");
        }
      } else {
        stage = pipeline.stage(n.stageId()).orElse(null);
        if (stage == null) {
          in.fail(
              "stageId", "stage " + n.stageId() + " is not in pipeline '" + pipeline.name() + "'");
        } else if (!stage.open()) {
          in.fail("stageId", "a new deal starts in an open stage; win or lose it afterwards");
          stage = null;
        }
      }
    }
    Long owner = owner(in, n.ownerUserId(), actor);
    PersonSummary primary = null;
    if (n.primaryPerson() != null) {
      primary = persons.find(n.primaryPerson()).orElse(null);
      if (primary == null) {
        in.fail("primaryPersonId", "there is no person " + n.primaryPerson().value());
      }
    }
    AccountId account = n.account();
    if (account != null && accounts.find(account).isEmpty()) {
      in.fail("accountId", "there is no account " + account.value());
    }
    if (account == null && primary != null) {
      account = primary.account();
    }
    if (n.primaryPerson() == null && n.account() == null) {
      in.fail("primaryPersonId", "give a primary person or an account (or both)");
    }
    Set<Long> others = new LinkedHashSet<>();
    if (n.otherPersons().size() > MAX_PERSONS) {
      in.fail("personIds", "at most " + MAX_PERSONS + " persons");
    } else {
      for (int i = 0; i < n.otherPersons().size(); i++) {
        PersonId p = n.otherPersons().get(i);
        if (p == null || persons.find(p).isEmpty()) {
          in.fail("personIds[" + i + "]", "there is no person " + (p == null ? null : p.value()));
        } else if (primary == null || !p.equals(primary.id())) {
          others.add(p.value());
        }
      }
    }
    DealSource source = n.source() == null ? DealSource.MANUAL : n.source();
    String ref = in.text("sourceRef", n.sourceRef(), 200, false);
    if (source == DealSource.INBOX_ITEM && (ref == null || !ref.matches("\\d{1,18}"))) {
      in.fail("sourceRef", "an inbox item source needs the item's id");
    }
    if (source == DealSource.LEAD && ref == null && primary != null) {
      ref = String.valueOf(primary.id().value());
    }
    Long line = n.productLineId();
    List<ProductLine> lines = lifecycle.productLines();
    if (line == null) {
      line = lines.isEmpty() ? null : lines.get(0).id();
    } else {
      long wanted = line;
      if (lines.stream().noneMatch(l -> l.id() == wanted)) {
        in.fail("productLineId", "there is no product line " + line);
      }
    }
    in.check();
    if (!stage.requiredGates().isEmpty()) {
      throw new GatesMissingException(0, stage.name(), stage.requiredGates());
    }
    Instant at = now();
    long id =
        store.insert(
            new DealStore.Row(
                0,
                name,
                pipeline.id(),
                stage.id(),
                DealStatus.OPEN,
                amount,
                currency,
                margin,
                closeDate,
                owner,
                account == null ? null : account.value(),
                primary == null ? null : primary.id().value(),
                line,
                source,
                ref,
                null,
                null,
                null,
                at,
                at,
                at,
                at,
                0));
    List<Long> all = new ArrayList<>();
    if (primary != null) {
      all.add(primary.id().value());
    }
    all.addAll(others);
    store.addPersons(id, all);
    store.appendChange(id, "STAGE", null, stage.name(), actor.userId(), actor.name(), at);
    store.appendChange(
        id, "AMOUNT", null, money(amount, currency), actor.userId(), actor.name(), at);
    store.appendChange(
        id, "CLOSE_DATE", null, closeDate.toString(), actor.userId(), actor.name(), at);
    timeline.append(
        new NewTouchpoint(
            primary == null ? null : primary.id(),
            account,
            TouchpointKind.DEAL_EVENT,
            "sales",
            null,
            at,
            actor.userId(),
            actor.name(),
            NewTouchpoint.clip("Opened deal #" + id + ": " + name),
            new SourceRef(OPENED_SOURCE, String.valueOf(id), null),
            amount,
            margin,
            currency));
    return compose(List.of(store.find(id).orElseThrow())).get(0);
  }

  private Long owner(DealInput in, Long given, Actor actor) {
    if (given == null) {
      return actor.userId();
    }
    Optional<User> user = users.find(given);
    if (user.isEmpty() || !user.get().enabled()) {
      in.fail("ownerUserId", "there is no enabled user " + given);
      return null;
    }
    return given;
  }

  static String money(BigDecimal amount, String currency) {
    return amount.toPlainString() + " " + currency;
  }

  // ---- reads

  @Override
  @Transactional(readOnly = true)
  public Optional<Opportunity> get(long id) {
    return visibleRow(id).map(r -> compose(List.of(r)).get(0));
  }

  @Override
  @Transactional(readOnly = true)
  public Opportunity require(long id) {
    return get(id).orElseThrow(() -> new NotFoundException("opportunity", id));
  }

  private Optional<DealStore.Row> visibleRow(long id) {
    return store
        .find(id)
        .filter(r -> visibility.canSee(actors.current(), OBJECT_TYPE, r.ownerUserId()));
  }

  private DealStore.Row requireRow(long id) {
    return visibleRow(id).orElseThrow(() -> new NotFoundException("opportunity", id));
  }

  @Override
  @Transactional(readOnly = true)
  public OpportunityPage list(OpportunityFilter filter, int page, int size) {
    DealInput in = new DealInput();
    if (page < 0) {
      in.fail("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE) {
      in.fail("size", "must be between 1 and " + MAX_PAGE);
    }
    in.check();
    Map<String, Object> params = new HashMap<>();
    String where = where(filter == null ? OpportunityFilter.ALL : filter, params);
    List<DealStore.Row> rows = store.page(where, params, "o.id desc", (long) page * size, size);
    return new OpportunityPage(compose(rows), page, size, store.count(where, params));
  }

  @Override
  @Transactional(readOnly = true)
  public List<Opportunity> all(OpportunityFilter filter, int max) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter == null ? OpportunityFilter.ALL : filter, params);
    return compose(store.page(where, params, "o.id desc", 0, Math.max(1, max)));
  }

  @Override
  @Transactional(readOnly = true)
  public List<Opportunity> forPerson(PersonId person) {
    Map<String, Object> params = new HashMap<>();
    String where =
        where(OpportunityFilter.ALL, params)
            + " and o.id in (select opportunity_id from deal_opportunity_person"
            + " where person_id = :person)";
    params.put("person", person.value());
    return compose(store.page(where, params, "o.id desc", 0, MAX_PAGE));
  }

  @Override
  @Transactional(readOnly = true)
  public List<Opportunity> forAccount(AccountId account) {
    Map<String, Object> params = new HashMap<>();
    String where = where(OpportunityFilter.ALL, params) + " and o.account_id = :account";
    params.put("account", account.value());
    return compose(store.page(where, params, "o.id desc", 0, MAX_PAGE));
  }

  @Override
  @Transactional(readOnly = true)
  public List<Opportunity> stale(Long ownerUserId, int limit) {
    Map<String, Object> params = new HashMap<>();
    String where =
        where(new OpportunityFilter(ownerUserId, null, null, null, null, null, true), params);
    return compose(
        store.page(
            where, params, "o.last_activity_at, o.id", 0, Math.max(1, Math.min(limit, MAX_PAGE))));
  }

  /** The SQL condition (on alias o) for the filter and the current user's visibility. */
  private String where(OpportunityFilter f, Map<String, Object> params) {
    List<String> parts = new ArrayList<>();
    Optional<Set<Long>> owners = visibility.visibleOwners(actors.current(), OBJECT_TYPE);
    if (owners.isPresent()) {
      if (owners.get().isEmpty()) {
        parts.add("o.owner_user_id is null");
      } else {
        parts.add("(o.owner_user_id is null or o.owner_user_id in (:visibleOwners))");
        params.put("visibleOwners", owners.get());
      }
    }
    if (f.ownerUserId() != null) {
      parts.add("o.owner_user_id = :owner");
      params.put("owner", f.ownerUserId());
    }
    if (f.teamId() != null) {
      List<Long> members = users.members(f.teamId()).stream().map(User::id).toList();
      if (members.isEmpty()) {
        parts.add("1 = 0");
      } else {
        parts.add("o.owner_user_id in (:teamMembers)");
        params.put("teamMembers", members);
      }
    }
    if (f.pipelineId() != null) {
      parts.add("o.pipeline_id = :pipeline");
      params.put("pipeline", f.pipelineId());
    }
    if (f.stageId() != null) {
      parts.add("o.stage_id = :stage");
      params.put("stage", f.stageId());
    }
    if (f.closeMonth() != null) {
      parts.add("o.close_date >= :closeFrom and o.close_date < :closeTo");
      params.put("closeFrom", java.sql.Date.valueOf(f.closeMonth().atDay(1)));
      params.put("closeTo", java.sql.Date.valueOf(f.closeMonth().plusMonths(1).atDay(1)));
    }
    if (f.status() != null) {
      parts.add("o.status = :status");
      params.put("status", f.status().name());
    }
    if (f.staleOnly()) {
      Instant now = now();
      List<String> perStage = new ArrayList<>();
      int i = 0;
      for (Pipeline p : pipelines.all()) {
        for (PipelineStage s : p.openStages()) {
          perStage.add("(o.stage_id = :st" + i + " and o.last_activity_at < :cut" + i + ")");
          params.put("st" + i, s.id());
          params.put("cut" + i, Timestamp.from(now.minus(Duration.ofDays(s.staleAfterDays()))));
          i++;
        }
      }
      parts.add(
          "o.status = 'OPEN' and ("
              + (perStage.isEmpty() ? "1 = 0" : String.join(" or ", perStage))
              + ")");
    }
    return parts.isEmpty() ? "1 = 1" : String.join(" and ", parts);
  }

  /** Rows as opportunities: pipelines, names, persons and the six gates, in a few queries. */
  private List<Opportunity> compose(List<DealStore.Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Pipeline> byId =
        pipelines.all().stream().collect(Collectors.toMap(Pipeline::id, Function.identity()));
    List<Long> ids = rows.stream().map(DealStore.Row::id).toList();
    Map<Long, List<Long>> people = store.persons(ids);
    Map<Long, Map<Gate, DealStore.GateRow>> gates = store.gates(ids);
    Map<Long, List<DealStore.StakeholderRow>> holders = store.stakeholders(ids);
    Map<Long, Optional<String>> userNames = new HashMap<>();
    Map<Long, Optional<PersonSummary>> personCache = new HashMap<>();
    Map<Long, Optional<AccountSummary>> accountCache = new HashMap<>();
    Map<Long, CloseReason> reasons =
        pipelines.reasons(null, true).stream()
            .collect(Collectors.toMap(CloseReason::id, Function.identity()));
    Instant now = now();
    List<Opportunity> out = new ArrayList<>();
    for (DealStore.Row r : rows) {
      Pipeline p = byId.get(r.pipelineId());
      PipelineStage stage = p.stage(r.stageId()).orElseThrow();
      List<PersonId> ps = new ArrayList<>();
      if (r.primaryPersonId() != null) {
        ps.add(new PersonId(r.primaryPersonId()));
      }
      for (Long pid : people.getOrDefault(r.id(), List.of())) {
        if (!pid.equals(r.primaryPersonId())) {
          ps.add(new PersonId(pid));
        }
      }
      List<GateState> states =
          gateStates(
              gates.getOrDefault(r.id(), Map.of()),
              holders.getOrDefault(r.id(), List.of()),
              personCache);
      boolean stale =
          r.status() == DealStatus.OPEN
              && r.lastActivityAt().isBefore(now.minus(Duration.ofDays(stage.staleAfterDays())));
      String ownerName =
          r.ownerUserId() == null
              ? null
              : userNames
                  .computeIfAbsent(r.ownerUserId(), u -> users.find(u).map(User::displayName))
                  .orElse(null);
      String accountName =
          r.accountId() == null
              ? null
              : accountCache
                  .computeIfAbsent(r.accountId(), a -> accounts.find(new AccountId(a)))
                  .map(AccountSummary::name)
                  .orElse(null);
      String primaryName =
          r.primaryPersonId() == null
              ? null
              : person(personCache, r.primaryPersonId()).map(PersonSummary::name).orElse(null);
      out.add(
          new Opportunity(
              r.id(),
              r.name(),
              p.id(),
              p.name(),
              stage.id(),
              stage.name(),
              stage.probability(),
              stage.forecastCategory(),
              r.status(),
              r.amount(),
              r.currency(),
              r.margin(),
              r.closeDate(),
              r.ownerUserId(),
              ownerName,
              r.accountId() == null ? null : new AccountId(r.accountId()),
              accountName,
              r.primaryPersonId() == null ? null : new PersonId(r.primaryPersonId()),
              primaryName,
              ps,
              r.source(),
              r.sourceRef(),
              r.productLineId(),
              r.closeReasonId() == null ? null : reasons.get(r.closeReasonId()),
              r.closeNote(),
              r.closedAt(),
              states,
              stale,
              r.stageEnteredAt(),
              r.lastActivityAt(),
              r.createdAt(),
              r.updatedAt(),
              r.version()));
    }
    return out;
  }

  private Optional<PersonSummary> person(Map<Long, Optional<PersonSummary>> cache, long id) {
    return cache.computeIfAbsent(id, p -> persons.find(new PersonId(p)));
  }

  /** The six gates in order; gate 5 holds when a decision maker has access = yes. */
  private List<GateState> gateStates(
      Map<Gate, DealStore.GateRow> confirmed,
      List<DealStore.StakeholderRow> holders,
      Map<Long, Optional<PersonSummary>> personCache) {
    List<GateState> states = new ArrayList<>();
    for (Gate g : Gate.values()) {
      if (g.derived()) {
        List<DealStore.StakeholderRow> reached =
            holders.stream()
                .filter(
                    h -> h.role() == dev.rapport.sales.StakeholderRole.DECISION_MAKER && h.access())
                .toList();
        if (reached.isEmpty()) {
          states.add(GateState.open(g));
        } else {
          DealStore.StakeholderRow last =
              reached.stream()
                  .max(Comparator.comparing(DealStore.StakeholderRow::updatedAt))
                  .orElseThrow();
          String names =
              reached.stream()
                  .map(
                      h ->
                          person(personCache, h.personId())
                              .map(PersonSummary::name)
                              .orElse("person #" + h.personId()))
                  .collect(Collectors.joining(", "));
          states.add(
              new GateState(
                  g.number(),
                  g,
                  g.label(),
                  true,
                  true,
                  "Decision makers we have access to: " + names,
                  List.of(),
                  List.of(),
                  last.byUserId(),
                  last.by(),
                  last.updatedAt()));
        }
        continue;
      }
      DealStore.GateRow row = confirmed.get(g);
      states.add(
          row == null
              ? GateState.open(g)
              : new GateState(
                  g.number(),
                  g,
                  g.label(),
                  true,
                  false,
                  row.evidence(),
                  row.touchpointIds(),
                  row.mentionIds(),
                  row.byUserId(),
                  row.by(),
                  row.at()));
    }
    return states;
  }

  // ---- changes

  private DealStore.Row requireOpen(long id) {
    DealStore.Row r = requireRow(id);
    if (r.status() != DealStatus.OPEN) {
      throw new DealConflictException(
          "deal #" + id + " is " + r.status().name().toLowerCase(Locale.ROOT) + "; it is closed");
    }
    return r;
  }

  private static void expectVersion(DealStore.Row r, Integer expected) {
    if (expected != null && expected != r.version()) {
      throw lostRace(r.id(), expected, r.version());
    }
  }

  private static DealConflictException lostRace(long id, int expected, Integer now) {
    return new DealConflictException(
        "deal #"
            + id
            + " was changed by someone else meanwhile (you had version "
            + expected
            + (now == null ? "" : ", it is now at version " + now)
            + "); reload it and try again");
  }

  /** Runs a conditional update; 0 rows (or the database's own write conflict) lost the race. */
  private void applied(DealStore.Row r, java.util.function.IntSupplier update) {
    int rows;
    try {
      rows = update.getAsInt();
    } catch (ConcurrencyFailureException e) {
      throw lostRace(r.id(), r.version(), null);
    }
    if (rows == 0) {
      throw lostRace(
          r.id(), r.version(), store.find(r.id()).map(DealStore.Row::version).orElse(null));
    }
  }

  private Opportunity current(long id) {
    return compose(List.of(store.find(id).orElseThrow())).get(0);
  }

  @Override
  @Transactional
  public Opportunity moveStage(long id, long stageId, Integer expectedVersion) {
    DealStore.Row r = requireOpen(id);
    expectVersion(r, expectedVersion);
    Pipeline p = pipeline(r.pipelineId());
    PipelineStage from = p.stage(r.stageId()).orElseThrow();
    PipelineStage to =
        p.stage(stageId)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "stageId", "stage " + stageId + " is not in pipeline '" + p.name() + "'"));
    if (!to.open()) {
      throw InvalidInputException.of(
          "stageId", "'" + to.name() + "' closes the deal: win or lose it (with a reason) instead");
    }
    if (to.id() == from.id()) {
      return current(id);
    }
    Opportunity before = current(id);
    List<Gate> missing = before.missing(to.requiredGates());
    if (!missing.isEmpty()) {
      throw new GatesMissingException(id, to.name(), missing);
    }
    Actor actor = actors.current();
    Instant at = now();
    applied(r, () -> store.updateStage(id, r.version(), to.id(), DealStatus.OPEN, at));
    store.appendChange(id, "STAGE", from.name(), to.name(), actor.userId(), actor.name(), at);
    return current(id);
  }

  @Override
  @Transactional
  public Opportunity change(long id, OpportunityChanges c) {
    DealStore.Row r = requireOpen(id);
    expectVersion(r, c.version());
    Actor actor = actors.current();
    DealInput in = new DealInput();
    String name = c.name() == null ? r.name() : in.text("name", c.name(), 200, true);
    BigDecimal amount = c.amount() == null ? r.amount() : in.amount("amount", c.amount());
    String currency = c.currency() == null ? r.currency() : in.currency("currency", c.currency());
    BigDecimal margin =
        c.expectedMargin() == null
            ? r.margin()
            : in.margin("expectedMargin", c.expectedMargin(), amount);
    if (c.expectedMargin() == null
        && margin != null
        && amount != null
        && margin.compareTo(amount) > 0) {
      in.fail("amount", "cannot be less than the expected margin " + margin.toPlainString());
    }
    LocalDate close =
        c.closeDate() == null
            ? r.closeDate()
            : in.closeDate(
                "closeDate", c.closeDate(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    Long owner = c.ownerUserId() == null ? r.ownerUserId() : owner(in, c.ownerUserId(), actor);
    in.check();
    Instant at = now();
    applied(
        r,
        () ->
            store.updateFields(id, r.version(), name, amount, currency, margin, close, owner, at));
    if (amount.compareTo(r.amount()) != 0 || !currency.equals(r.currency())) {
      store.appendChange(
          id,
          "AMOUNT",
          money(r.amount(), r.currency()),
          money(amount, currency),
          actor.userId(),
          actor.name(),
          at);
    }
    if (!close.equals(r.closeDate())) {
      store.appendChange(
          id,
          "CLOSE_DATE",
          r.closeDate().toString(),
          close.toString(),
          actor.userId(),
          actor.name(),
          at);
    }
    if (!Objects.equals(owner, r.ownerUserId())) {
      store.appendChange(
          id,
          "OWNER",
          r.ownerUserId() == null ? null : String.valueOf(r.ownerUserId()),
          owner == null ? null : String.valueOf(owner),
          actor.userId(),
          actor.name(),
          at);
    }
    return current(id);
  }

  @Override
  @Transactional
  public Opportunity confirmGate(long id, Gate gate, GateEvidence evidence) {
    DealStore.Row r = requireOpen(id);
    Objects.requireNonNull(gate, "gate");
    if (gate.derived()) {
      throw InvalidInputException.of(
          "gate",
          gate.named() + " is read from the stakeholders: add a decision maker with access = yes");
    }
    DealInput in = new DealInput();
    String text = in.text("evidence", evidence == null ? null : evidence.text(), 2000, true);
    List<Long> touchpoints =
        links(in, "touchpointIds", evidence == null ? List.of() : evidence.touchpointIds());
    List<Long> mentions =
        links(in, "mentionIds", evidence == null ? List.of() : evidence.mentionIds());
    in.check();
    Actor actor = actors.current();
    Instant at = now();
    Map<Gate, DealStore.GateRow> existing = store.gates(List.of(id)).getOrDefault(id, Map.of());
    if (existing.containsKey(gate)
        || !store.confirmGate(
            new DealStore.GateRow(
                id, gate, text, touchpoints, mentions, actor.userId(), actor.name(), at))) {
      DealStore.GateRow was = store.gates(List.of(id)).getOrDefault(id, Map.of()).get(gate);
      throw new DealConflictException(
          gate.named()
              + " of deal #"
              + id
              + " is already confirmed"
              + (was == null ? "" : " by " + was.by() + " at " + was.at())
              + "; reopen it first to confirm it again");
    }
    store.appendChange(
        id, "GATE", null, gate.number() + " confirmed", actor.userId(), actor.name(), at);
    store.touched(id, at);
    return current(id);
  }

  private static List<Long> links(DealInput in, String field, List<Long> ids) {
    if (ids.size() > MAX_LINKS) {
      in.fail(field, "at most " + MAX_LINKS + " links");
      return List.of();
    }
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) == null || ids.get(i) < 1) {
        in.fail(field + "[" + i + "]", "must be a positive id");
      }
    }
    return ids.stream().filter(Objects::nonNull).distinct().toList();
  }

  @Override
  @Transactional
  public Opportunity reopenGate(long id, Gate gate) {
    requireOpen(id);
    if (gate.derived()) {
      throw InvalidInputException.of(
          "gate", gate.named() + " is read from the stakeholders: change their access instead");
    }
    if (store.reopenGate(id, gate) == 0) {
      throw new DealConflictException(gate.named() + " of deal #" + id + " is not confirmed");
    }
    Actor actor = actors.current();
    Instant at = now();
    store.appendChange(
        id,
        "GATE",
        gate.number() + " confirmed",
        gate.number() + " reopened",
        actor.userId(),
        actor.name(),
        at);
    return current(id);
  }

  @Override
  @Transactional
  public Stakeholder putStakeholder(long id, NewStakeholder s) {
    requireRow(id);
    DealInput in = new DealInput();
    PersonSummary person = null;
    if (s.person() == null) {
      in.fail("personId", "is required");
    } else {
      person = persons.find(s.person()).orElse(null);
      if (person == null) {
        in.fail("personId", "there is no person " + s.person().value());
      }
    }
    if (s.role() == null) {
      in.fail(
          "role",
          "is required (one of " + List.of(dev.rapport.sales.StakeholderRole.values()) + ")");
    }
    String criteria = in.text("criteria", s.criteria(), 1000, false);
    in.check();
    boolean gate5Before = current(id).gate(Gate.ACCESS).confirmed();
    Actor actor = actors.current();
    Instant at = now();
    store.putStakeholder(
        new DealStore.StakeholderRow(
            0,
            id,
            person.id().value(),
            s.role(),
            criteria,
            s.stance() == null ? Stance.UNKNOWN : s.stance(),
            s.access(),
            actor.userId(),
            actor.name(),
            at));
    store.addPersons(id, List.of(person.id().value()));
    store.touched(id, at);
    gate5Changed(id, gate5Before, actor, at);
    return stakeholders(id).stream()
        .filter(h -> h.person().equals(s.person()))
        .findFirst()
        .orElseThrow();
  }

  private void gate5Changed(long id, boolean before, Actor actor, Instant at) {
    boolean after = current(id).gate(Gate.ACCESS).confirmed();
    if (before != after) {
      store.appendChange(
          id,
          "GATE",
          before ? "5 holds" : null,
          after ? "5 holds" : "5 no longer holds",
          actor.userId(),
          actor.name(),
          at);
    }
  }

  @Override
  @Transactional
  public void removeStakeholder(long id, PersonId person) {
    requireRow(id);
    boolean before = current(id).gate(Gate.ACCESS).confirmed();
    if (store.removeStakeholder(id, person.value()) == 0) {
      throw new NotFoundException("stakeholder", person.value());
    }
    Actor actor = actors.current();
    Instant at = now();
    store.touched(id, at);
    gate5Changed(id, before, actor, at);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Stakeholder> stakeholders(long id) {
    requireRow(id);
    Map<Long, Optional<PersonSummary>> cache = new HashMap<>();
    return store.stakeholders(List.of(id)).getOrDefault(id, List.of()).stream()
        .map(
            h ->
                new Stakeholder(
                    h.id(),
                    id,
                    new PersonId(h.personId()),
                    person(cache, h.personId()).map(PersonSummary::name).orElse(null),
                    h.role(),
                    h.criteria(),
                    h.stance(),
                    h.access(),
                    h.by(),
                    h.updatedAt()))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<DealChange> history(long id) {
    requireRow(id);
    return store.changes(id);
  }

  // ---- win and lose

  @Override
  @Transactional
  public Opportunity win(long id, long reasonId, String note, Integer expectedVersion) {
    Closing c = closing(id, DealStatus.WON, reasonId, note, expectedVersion);
    Opportunity won = current(id);
    Actor actor = c.actor();
    List<PersonId> people = won.persons();
    // the order: on the account with the primary person (counted once in the account's revenue),
    // and on each other person's own timeline
    if (won.account() != null || won.primaryPerson() != null) {
      timeline.append(order(won, won.primaryPerson(), won.account(), "", actor, c.at()));
    }
    for (PersonId p : people) {
      if (!p.equals(won.primaryPerson()) && persons.exists(p)) {
        timeline.append(order(won, p, null, "/person/" + p.value(), actor, c.at()));
      }
    }
    movePersons(won, people, customerStage(), actor, "won deal #" + id);
    events.publishEvent(
        new DealWon(
            id,
            won.account(),
            people,
            won.amount(),
            won.currency(),
            won.expectedMargin(),
            won.source().name(),
            c.at()));
    return won;
  }

  private NewTouchpoint order(
      Opportunity won, PersonId person, AccountId account, String suffix, Actor actor, Instant at) {
    return new NewTouchpoint(
        person,
        account,
        TouchpointKind.ORDER,
        "sales",
        null,
        at,
        actor.userId(),
        actor.name(),
        NewTouchpoint.clip("Order: won deal #" + won.id() + " " + won.name()),
        new SourceRef(WON_SOURCE, won.id() + suffix, null),
        won.amount(),
        won.expectedMargin(),
        won.currency());
  }

  @Override
  @Transactional
  public Opportunity lose(long id, long reasonId, String note, Integer expectedVersion) {
    Closing c = closing(id, DealStatus.LOST, reasonId, note, expectedVersion);
    Opportunity lost = current(id);
    if (lost.account() != null || lost.primaryPerson() != null) {
      timeline.append(
          new NewTouchpoint(
              lost.primaryPerson(),
              lost.account(),
              TouchpointKind.DEAL_EVENT,
              "sales",
              null,
              c.at(),
              c.actor().userId(),
              c.actor().name(),
              NewTouchpoint.clip(
                  "Lost deal #" + id + " " + lost.name() + ": " + c.reason().label()),
              new SourceRef(LOST_SOURCE, String.valueOf(id), null),
              null,
              null,
              null));
    }
    movePersons(lost, lost.persons(), nurtureStage(), c.actor(), "lost deal #" + id);
    return lost;
  }

  private record Closing(Actor actor, Instant at, CloseReason reason) {}

  private Closing closing(
      long id, DealStatus outcome, long reasonId, String note, Integer expectedVersion) {
    DealStore.Row r = requireOpen(id);
    expectVersion(r, expectedVersion);
    DealInput in = new DealInput();
    CloseReason reason = pipelines.reason(reasonId).orElse(null);
    if (reason == null || !reason.active()) {
      in.fail("reasonId", "there is no active reason " + reasonId);
    } else if (reason.outcome() != outcome) {
      in.fail(
          "reasonId",
          "'"
              + reason.label()
              + "' is a reason for "
              + reason.outcome().name().toLowerCase(Locale.ROOT)
              + " deals");
    }
    String text = in.text("note", note, 1000, false);
    in.check();
    Pipeline p = pipeline(r.pipelineId());
    PipelineStage from = p.stage(r.stageId()).orElseThrow();
    PipelineStage to =
        p.closing(outcome)
            .orElseThrow(
                () ->
                    new DealConflictException(
                        "pipeline '" + p.name() + "' has no " + outcome + " stage"));
    List<Gate> missing = current(id).missing(to.requiredGates());
    if (!missing.isEmpty()) {
      throw new GatesMissingException(id, to.name(), missing);
    }
    Actor actor = actors.current();
    Instant at = now();
    applied(r, () -> store.close(id, r.version(), to.id(), outcome, reasonId, text, at));
    store.appendChange(id, "STAGE", from.name(), to.name(), actor.userId(), actor.name(), at);
    store.appendChange(
        id,
        "STATUS",
        DealStatus.OPEN.name(),
        outcome.name() + ": " + reason.label(),
        actor.userId(),
        actor.name(),
        at);
    return new Closing(actor, at, reason);
  }

  /**
   * The customer stage of the active model: one named Customer, else the last that counts as a
   * sale.
   */
  Optional<Stage> customerStage() {
    LifecycleModel model = lifecycle.activeModel();
    Optional<Stage> named =
        model.stages().stream().filter(s -> s.name().equalsIgnoreCase("customer")).findFirst();
    if (named.isPresent()) {
      return named;
    }
    return model.stages().stream().filter(s -> s.countsAs() == CountsAs.SALE).reduce((a, b) -> b);
  }

  /** A nurture stage of the active model, if it has one (a stage whose name starts "nurtur"). */
  Optional<Stage> nurtureStage() {
    return lifecycle.activeModel().stages().stream()
        .filter(s -> s.name().toLowerCase(Locale.ROOT).startsWith("nurtur"))
        .findFirst();
  }

  private void movePersons(
      Opportunity deal, List<PersonId> people, Optional<Stage> stage, Actor actor, String why) {
    if (stage.isEmpty()) {
      return;
    }
    Long line = deal.productLineId();
    if (line == null) {
      List<ProductLine> lines = lifecycle.productLines();
      if (lines.isEmpty()) {
        return;
      }
      line = lines.get(0).id();
    }
    long productLine = line;
    for (PersonId p : people) {
      if (!persons.exists(p)) {
        continue;
      }
      boolean already =
          lifecycle.currentStages(p).stream()
              .anyMatch(
                  (CurrentStage cs) ->
                      cs.productLine().id() == productLine && cs.stage().id() == stage.get().id());
      if (!already) {
        lifecycle.move(p, productLine, stage.get().id(), mover(deal, actor), why);
      }
    }
  }

  /**
   * Who moved the persons: the signed-in user; for the system's own work (demo data, jobs) the
   * deal's owner, on whose behalf it acts; a deal without an owner names the deals feature.
   */
  private ChangedBy mover(Opportunity deal, Actor actor) {
    if (actor.userId() != null) {
      return ChangedBy.user(actor.name());
    }
    if (deal.ownerUserId() != null) {
      Optional<User> owner = users.find(deal.ownerUserId());
      if (owner.isPresent()) {
        return ChangedBy.user(owner.get().username());
      }
    }
    return ChangedBy.importer("deals");
  }

  // ---- pipelines

  @Override
  @Transactional(readOnly = true)
  public List<Pipeline> pipelines() {
    return pipelines.all();
  }

  @Override
  @Transactional(readOnly = true)
  public Pipeline pipeline(long id) {
    return pipelines.find(id).orElseThrow(() -> new NotFoundException("pipeline", id));
  }

  @Override
  @Transactional(readOnly = true)
  public Pipeline defaultPipeline() {
    List<Pipeline> all = pipelines.all();
    return all.stream().filter(Pipeline::isDefault).findFirst().orElseGet(() -> all.get(0));
  }

  @Override
  @Transactional(readOnly = true)
  public List<CloseReason> reasons(DealStatus outcome, boolean includeInactive) {
    return pipelines.reasons(outcome, includeInactive);
  }
}
