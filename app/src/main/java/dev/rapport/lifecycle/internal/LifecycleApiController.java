package dev.rapport.lifecycle.internal;

import dev.rapport.access.Actors;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.lifecycle.StageCount;
import dev.rapport.lifecycle.StageOwner;
import dev.rapport.lifecycle.StageSpell;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.JsonBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The lifecycle REST API: models and their stages, product lines, a person's stages. */
@RestController
@Tag(name = "Lifecycle")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class LifecycleApiController {

  private final Lifecycle lifecycle;
  private final LifecycleAdmin admin;
  private final Actors actors;
  private final ObjectMapper json;
  private final RecordAccess records;

  LifecycleApiController(
      Lifecycle lifecycle,
      LifecycleAdmin admin,
      Actors actors,
      ObjectMapper json,
      RecordAccess records) {
    this.lifecycle = lifecycle;
    this.admin = admin;
    this.actors = actors;
    this.json = json;
    this.records = records;
  }

  @GetMapping("/lifecycle/models")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  List<LifecycleModel> models() {
    return lifecycle.models();
  }

  @PostMapping("/lifecycle/models/{id}/activate")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  LifecycleModel activate(@PathVariable long id) {
    return admin.activate(id);
  }

  @PostMapping(path = "/lifecycle/models/{id}/stages", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  Stage addStage(@PathVariable long id, @RequestBody(required = false) String body) {
    JsonBody in = JsonBody.parse(json, body, Set.of("name", "owner", "countsAs", "position"));
    String name = in.text("name", true, LifecycleAdmin.MAX_NAME);
    StageOwner owner = in.oneOf("owner", StageOwner.class, true);
    CountsAs countsAs = in.oneOf("countsAs", CountsAs.class, true);
    Long position = in.id("position", false);
    in.throwIfInvalid();
    return admin.addStage(
        id, name, owner, countsAs, position == null ? null : (int) Math.min(position, 10_000));
  }

  @PatchMapping(path = "/lifecycle/stages/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  Stage editStage(@PathVariable long id, @RequestBody(required = false) String body) {
    JsonBody in = JsonBody.parse(json, body, Set.of("name", "owner", "countsAs"));
    String name = in.text("name", false, LifecycleAdmin.MAX_NAME);
    StageOwner owner = in.oneOf("owner", StageOwner.class, false);
    CountsAs countsAs = in.oneOf("countsAs", CountsAs.class, false);
    in.throwIfInvalid();
    return admin.updateStage(id, name, owner, countsAs);
  }

  @PutMapping(path = "/lifecycle/models/{id}/stage-order", consumes = "application/json")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  LifecycleModel reorder(@PathVariable long id, @RequestBody(required = false) String body) {
    JsonBody in = JsonBody.parse(json, body, Set.of("stageIds"));
    List<Long> ids = in.ids("stageIds");
    in.throwIfInvalid();
    return admin.reorder(id, ids);
  }

  @GetMapping("/lifecycle/product-lines")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  List<ProductLine> productLines() {
    return lifecycle.productLines();
  }

  @PostMapping(path = "/lifecycle/product-lines", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  ProductLine addProductLine(@RequestBody(required = false) String body) {
    JsonBody in = JsonBody.parse(json, body, Set.of("name"));
    String name = in.text("name", true, LifecycleAdmin.MAX_NAME);
    in.throwIfInvalid();
    return admin.addProductLine(name);
  }

  @GetMapping("/lifecycle/product-lines/{id}/counts")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  List<StageCount> counts(@PathVariable long id) {
    return lifecycle.counts(id);
  }

  @GetMapping("/persons/{id}/stages")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  PersonStages stages(@PathVariable long id) {
    PersonId person = person(id);
    records.requireVisiblePerson(person);
    return new PersonStages(
        id,
        lifecycle.currentStages(person),
        lifecycle.history(person).stream().map(ChangeView::of).toList());
  }

  @GetMapping("/persons/{id}/stages/spells")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  List<StageSpell> spells(@PathVariable long id, @RequestParam long productLineId) {
    PersonId person = person(id);
    records.requireVisiblePerson(person);
    return lifecycle.spells(person, productLineId, Instant.now());
  }

  @PostMapping(path = "/persons/{id}/stages", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("@access.allows('LIFECYCLE_WRITE')")
  ChangeView move(@PathVariable long id, @RequestBody(required = false) String body) {
    PersonId person = person(id);
    records.requireChangeablePerson(person);
    JsonBody in = JsonBody.parse(json, body, Set.of("productLineId", "stageId", "why"));
    Long productLine = in.id("productLineId", true);
    Long stage = in.id("stageId", true);
    String why = in.text("why", false, LifecycleFacade.MAX_WHY);
    in.throwIfInvalid();
    return ChangeView.of(
        lifecycle.move(person, productLine, stage, ChangedBy.user(actors.current().name()), why));
  }

  static PersonId person(long id) {
    if (id <= 0) {
      throw InvalidInputException.of("id", "a person id must be positive, was " + id);
    }
    return new PersonId(id);
  }

  /** A person's stage per product line and their history, newest first. */
  record PersonStages(long personId, List<CurrentStage> current, List<ChangeView> history) {}

  /** A history row as the API shows it. */
  record ChangeView(
      long id,
      long personId,
      ProductLine productLine,
      Stage from,
      Stage to,
      Instant at,
      String byKind,
      String byName,
      String why,
      Long mergedFrom) {

    static ChangeView of(StageChange c) {
      return new ChangeView(
          c.id(),
          c.person().value(),
          c.productLine(),
          c.from(),
          c.to(),
          c.at(),
          c.by().kind().name(),
          c.by().name(),
          c.why(),
          c.mergedFrom() == null ? null : c.mergedFrom().value());
    }
  }
}
