package dev.rapport.sales.deals;

import dev.rapport.sales.CloseReason;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.ForecastCategory;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Pipeline;
import dev.rapport.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pipelines with their stages, and the workspace's win and loss reasons; changes need DEALS_ADMIN.
 */
@RestController
@Tag(name = "Pipelines")
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class PipelineApiController {

  record StageBody(
      String name,
      Integer probability,
      String forecastCategory,
      Integer staleAfterDays,
      List<Integer> requiredGates,
      Integer position) {
    PipelineAdmin.StageInput input() {
      return new PipelineAdmin.StageInput(
          name,
          probability,
          DealApiController.choice("forecastCategory", forecastCategory, ForecastCategory.class),
          staleAfterDays,
          requiredGates,
          position);
    }
  }

  record PipelineBody(String name, List<StageBody> stages, Boolean isDefault) {}

  record ReasonBody(String outcome, String label, Boolean active) {}

  private final Opportunities deals;
  private final PipelineAdmin admin;

  PipelineApiController(Opportunities deals, PipelineAdmin admin) {
    this.deals = deals;
    this.admin = admin;
  }

  @GetMapping("/pipelines")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Operation(summary = "Every pipeline with its stages: probability, category, stale limit, gates")
  List<Pipeline> pipelines() {
    return deals.pipelines();
  }

  @GetMapping("/pipelines/{id}")
  @PreAuthorize("@access.allows('DEALS_READ')")
  Pipeline pipeline(@PathVariable long id) {
    return deals.pipeline(id);
  }

  @PostMapping(path = "/pipelines", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  @Operation(summary = "A new pipeline with its open stages (Won and Lost are added)")
  ResponseEntity<Pipeline> create(@RequestBody PipelineBody body) {
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    Pipeline p =
        admin.create(
            body.name(),
            body.stages() == null
                ? List.of()
                : body.stages().stream().map(s -> s == null ? null : s.input()).toList());
    return ResponseEntity.created(URI.create("/api/v1/pipelines/" + p.id())).body(p);
  }

  @PutMapping(path = "/pipelines/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  @Operation(summary = "Rename a pipeline or make it the default")
  Pipeline change(@PathVariable long id, @RequestBody PipelineBody body) {
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    if (body.stages() != null) {
      throw InvalidInputException.of("stages", "change stages through /stages");
    }
    return admin.rename(id, body.name(), body.isDefault());
  }

  @PostMapping(path = "/pipelines/{id}/stages", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  Pipeline addStage(@PathVariable long id, @RequestBody StageBody body) {
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    return admin.addStage(id, body.input());
  }

  @PutMapping(
      path = "/pipelines/{id}/stages/{stageId}",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  @Operation(summary = "Change a stage; parts left out keep their value")
  Pipeline changeStage(
      @PathVariable long id, @PathVariable long stageId, @RequestBody StageBody body) {
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    return admin.changeStage(id, stageId, body.input());
  }

  @DeleteMapping("/pipelines/{id}/stages/{stageId}")
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  Pipeline deleteStage(@PathVariable long id, @PathVariable long stageId) {
    return admin.deleteStage(id, stageId);
  }

  @GetMapping("/deal-reasons")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Operation(summary = "The workspace's reasons for winning and losing deals")
  List<CloseReason> reasons(
      @RequestParam(required = false) String outcome,
      @RequestParam(defaultValue = "false") boolean all) {
    return deals.reasons(DealApiController.choice("outcome", outcome, DealStatus.class), all);
  }

  @PostMapping(path = "/deal-reasons", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  ResponseEntity<CloseReason> addReason(@RequestBody ReasonBody body) {
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    CloseReason r =
        admin.addReason(
            DealApiController.choice("outcome", body.outcome(), DealStatus.class), body.label());
    return ResponseEntity.created(URI.create("/api/v1/deal-reasons/" + r.id())).body(r);
  }

  @PutMapping(path = "/deal-reasons/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_ADMIN')")
  @Operation(summary = "Rename a reason or retire it (active=false)")
  CloseReason changeReason(@PathVariable long id, @RequestBody ReasonBody body) {
    if (body == null) {
      throw InvalidInputException.of("body", "must be a JSON object");
    }
    return admin.changeReason(id, body.label(), body.active());
  }
}
