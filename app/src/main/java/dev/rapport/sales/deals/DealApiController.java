package dev.rapport.sales.deals;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.sales.DealChange;
import dev.rapport.sales.DealSource;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.Gate;
import dev.rapport.sales.GateEvidence;
import dev.rapport.sales.NewOpportunity;
import dev.rapport.sales.NewStakeholder;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.OpportunityChanges;
import dev.rapport.sales.OpportunityFilter;
import dev.rapport.sales.OpportunityPage;
import dev.rapport.sales.StakeholderRole;
import dev.rapport.sales.Stance;
import dev.rapport.sales.deals.DealJson.OpportunityJson;
import dev.rapport.sales.deals.DealJson.StakeholderJson;
import dev.rapport.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opportunities over JSON: the list with its filters, one deal, stage moves behind the gates, the
 * gates, stakeholders, history, and win or lose. Routes with a deal id ask the deal's visibility
 * (hidden is 404); routes with a person or account id ask that record's.
 */
@RestController
@Tag(name = "Opportunities")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class DealApiController {

  /** A page of deals, shaped like the other lists. */
  record Page(List<OpportunityJson> items, long total, int page, int size) {
    static Page of(OpportunityPage p) {
      return new Page(
          p.items().stream().map(OpportunityJson::of).toList(), p.total(), p.page(), p.size());
    }
  }

  record CreateBody(
      String name,
      Long pipelineId,
      Long stageId,
      BigDecimal amount,
      String currency,
      BigDecimal expectedMargin,
      String closeDate,
      Long ownerUserId,
      Long accountId,
      Long primaryPersonId,
      List<Long> personIds,
      String source,
      String sourceRef,
      Long productLineId) {}

  record ChangeBody(
      String name,
      BigDecimal amount,
      String currency,
      BigDecimal expectedMargin,
      String closeDate,
      Long ownerUserId,
      Integer version) {}

  record StageBody(Long stageId, Integer version) {}

  record GateBody(String evidence, List<Long> touchpointIds, List<Long> mentionIds) {}

  record StakeholderBody(String role, String criteria, String stance, Boolean access) {}

  record CloseBody(Long reasonId, String note, Integer version) {}

  private final Opportunities deals;
  private final RecordAccess records;

  DealApiController(Opportunities deals, RecordAccess records) {
    this.deals = deals;
    this.records = records;
  }

  @GetMapping("/opportunities")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Operation(
      summary =
          "Opportunities the caller may see, newest first; filters: owner, team, pipeline,"
              + " stage, closeMonth (YYYY-MM), status, stale")
  Page list(
      @RequestParam(required = false) Long owner,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) Long pipeline,
      @RequestParam(required = false) Long stage,
      @RequestParam(required = false) String closeMonth,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "false") boolean stale,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return Page.of(
        deals.list(
            new OpportunityFilter(
                owner,
                team,
                pipeline,
                stage,
                month("closeMonth", closeMonth),
                choice("status", status, DealStatus.class),
                stale),
            page,
            size));
  }

  @PostMapping(path = "/opportunities", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @Operation(summary = "Open a deal on a person and/or an account")
  ResponseEntity<OpportunityJson> create(@RequestBody CreateBody body) {
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    if (body.primaryPersonId() != null) {
      records.requireChangeablePerson(new PersonId(body.primaryPersonId()));
    }
    if (body.accountId() != null) {
      records.requireChangeableAccount(new AccountId(body.accountId()));
    }
    var created =
        deals.create(
            new NewOpportunity(
                body.name(),
                body.pipelineId(),
                body.stageId(),
                body.amount(),
                body.currency(),
                body.expectedMargin(),
                date("closeDate", body.closeDate(), false),
                body.ownerUserId(),
                body.accountId() == null ? null : new AccountId(body.accountId()),
                body.primaryPersonId() == null ? null : new PersonId(body.primaryPersonId()),
                body.personIds() == null
                    ? List.of()
                    : body.personIds().stream()
                        .map(id -> id == null ? null : new PersonId(id))
                        .toList(),
                choice("source", body.source(), DealSource.class),
                body.sourceRef(),
                body.productLineId()));
    return ResponseEntity.created(URI.create("/api/v1/opportunities/" + created.id()))
        .body(OpportunityJson.of(created));
  }

  @GetMapping("/opportunities/stale")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Operation(summary = "Open deals without a touch or change within their stage's limit")
  List<OpportunityJson> stale(
      @RequestParam(required = false) Long owner, @RequestParam(defaultValue = "50") int limit) {
    return deals.stale(owner, limit).stream().map(OpportunityJson::of).toList();
  }

  @GetMapping("/opportunities/{id}")
  @PreAuthorize("@access.allows('DEALS_READ')")
  OpportunityJson get(@PathVariable long id) {
    return OpportunityJson.of(deals.require(id));
  }

  @PatchMapping(path = "/opportunities/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @Operation(summary = "Change name, amount, currency, margin, close date or owner")
  OpportunityJson change(@PathVariable long id, @RequestBody ChangeBody body) {
    deals.require(id);
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    return OpportunityJson.of(
        deals.change(
            id,
            new OpportunityChanges(
                body.name(),
                body.amount(),
                body.currency(),
                body.expectedMargin(),
                date("closeDate", body.closeDate(), false),
                body.ownerUserId(),
                body.version())));
  }

  @PostMapping(path = "/opportunities/{id}/stage", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @Operation(
      summary =
          "Move to another open stage; 422 names each missing gate, 409 when someone else"
              + " changed the deal first")
  OpportunityJson move(@PathVariable long id, @RequestBody StageBody body) {
    deals.require(id);
    if (body == null || body.stageId() == null) {
      throw InvalidInputException.of("stageId", "is required");
    }
    return OpportunityJson.of(deals.moveStage(id, body.stageId(), body.version()));
  }

  @PostMapping(
      path = "/opportunities/{id}/gates/{gate}",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @Operation(summary = "Confirm a gate (1-4, 6) with its evidence; gate 5 comes from stakeholders")
  OpportunityJson confirm(
      @PathVariable long id, @PathVariable int gate, @RequestBody GateBody body) {
    deals.require(id);
    return OpportunityJson.of(
        deals.confirmGate(
            id,
            gate(gate),
            body == null
                ? new GateEvidence(null, List.of(), List.of())
                : new GateEvidence(body.evidence(), body.touchpointIds(), body.mentionIds())));
  }

  @DeleteMapping("/opportunities/{id}/gates/{gate}")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @Operation(summary = "Withdraw a confirmed gate")
  OpportunityJson reopen(@PathVariable long id, @PathVariable int gate) {
    deals.require(id);
    return OpportunityJson.of(deals.reopenGate(id, gate(gate)));
  }

  @GetMapping("/opportunities/{id}/stakeholders")
  @PreAuthorize("@access.allows('DEALS_READ')")
  List<StakeholderJson> stakeholders(@PathVariable long id) {
    return deals.stakeholders(id).stream().map(StakeholderJson::of).toList();
  }

  @PutMapping(
      path = "/opportunities/{id}/stakeholders/{person}",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @Operation(summary = "Add or change a stakeholder: role, criteria, stance, access")
  StakeholderJson putStakeholder(
      @PathVariable long id,
      @PathVariable("person") long personId,
      @RequestBody StakeholderBody body) {
    deals.require(id);
    records.requireChangeablePerson(new PersonId(personId));
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    StakeholderRole role = choice("role", body.role(), StakeholderRole.class);
    if (role == null) {
      throw InvalidInputException.of(
          "role", "is required (one of " + Arrays.toString(StakeholderRole.values()) + ")");
    }
    return StakeholderJson.of(
        deals.putStakeholder(
            id,
            new NewStakeholder(
                new PersonId(personId),
                role,
                body.criteria(),
                choice("stance", body.stance(), Stance.class),
                Boolean.TRUE.equals(body.access()))));
  }

  @DeleteMapping("/opportunities/{id}/stakeholders/{person}")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  ResponseEntity<Void> removeStakeholder(
      @PathVariable long id, @PathVariable("person") long personId) {
    deals.require(id);
    deals.removeStakeholder(id, new PersonId(personId));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/opportunities/{id}/history")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Operation(summary = "Every change of stage, amount, close date, gates and outcome, oldest first")
  List<DealChange> history(@PathVariable long id) {
    return deals.history(id);
  }

  @PostMapping(path = "/opportunities/{id}/win", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @Operation(summary = "Win the deal with a reason: order on the timeline, persons to customer")
  OpportunityJson win(@PathVariable long id, @RequestBody CloseBody body) {
    deals.require(id);
    CloseBody b = closeBody(body);
    return OpportunityJson.of(deals.win(id, b.reasonId(), b.note(), b.version()));
  }

  @PostMapping(path = "/opportunities/{id}/lose", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @Operation(summary = "Lose the deal with a reason; persons back to nurture if the model has it")
  OpportunityJson lose(@PathVariable long id, @RequestBody CloseBody body) {
    deals.require(id);
    CloseBody b = closeBody(body);
    return OpportunityJson.of(deals.lose(id, b.reasonId(), b.note(), b.version()));
  }

  @GetMapping("/persons/{id}/opportunities")
  @PreAuthorize("@access.allows('DEALS_READ')")
  List<OpportunityJson> forPerson(@PathVariable long id) {
    PersonId person = new PersonId(id);
    records.requireVisiblePerson(person);
    return deals.forPerson(person).stream().map(OpportunityJson::of).toList();
  }

  @GetMapping("/accounts/{id}/opportunities")
  @PreAuthorize("@access.allows('DEALS_READ')")
  List<OpportunityJson> forAccount(@PathVariable long id) {
    AccountId account = new AccountId(id);
    records.requireVisibleAccount(account);
    return deals.forAccount(account).stream().map(OpportunityJson::of).toList();
  }

  private static CloseBody closeBody(CloseBody body) {
    if (body == null || body.reasonId() == null) {
      throw InvalidInputException.of("reasonId", "is required (see /api/v1/deal-reasons)");
    }
    return body;
  }

  static Gate gate(int number) {
    return Gate.of(number)
        .orElseThrow(() -> InvalidInputException.of("gate", "must be 1 to 6 (got " + number + ")"));
  }

  static <E extends Enum<E>> E choice(String field, String raw, Class<E> type) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          field,
          "'"
              + DealInput.clip(raw)
              + "' is not one of "
              + Arrays.toString(type.getEnumConstants()));
    }
  }

  static LocalDate date(String field, String raw, boolean required) {
    if (raw == null || raw.isBlank()) {
      if (required) {
        throw InvalidInputException.of(field, "is required (a date such as 2027-03-31)");
      }
      return null;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(
          field, "'" + DealInput.clip(raw) + "' is not a date (YYYY-MM-DD)");
    }
  }

  static YearMonth month(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(
          field, "'" + DealInput.clip(raw) + "' is not a month (YYYY-MM)");
    }
  }
}
