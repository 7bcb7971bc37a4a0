package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Merges: do one, list and explain them, and decide on proposals. */
@RestController
@RequestMapping("/api/v1/merges")
@Tag(name = "Merges")
class MergeApiController {

  /** A direct merge request. */
  record MergeInput(Long survivorId, Long mergedId, String reason) {}

  /** Which person survives when a proposal is accepted (optional: the older one). */
  record AcceptInput(Long survivorId) {}

  private final Merges merges;
  private final MergeProposals proposals;

  MergeApiController(Merges merges, MergeProposals proposals) {
    this.merges = merges;
    this.proposals = proposals;
  }

  @GetMapping
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  List<Merges.MergeRecord> list(@RequestParam(required = false) Long person) {
    return merges.list(person);
  }

  @GetMapping("/{id}")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  @Operation(summary = "One merge with what moved and a sentence that explains it")
  Merges.MergeRecord explain(@PathVariable long id) {
    return merges.explain(id);
  }

  @PostMapping
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  Merges.MergeRecord merge(@RequestBody MergeInput input) {
    if (input.survivorId() == null) {
      throw InvalidInputException.of("survivorId", "is required");
    }
    if (input.mergedId() == null) {
      throw InvalidInputException.of("mergedId", "is required");
    }
    return merges.merge(input.survivorId(), input.mergedId(), input.reason(), null);
  }

  @GetMapping("/proposals")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  List<MergeProposals.Proposal> proposals(
      @RequestParam(required = false, defaultValue = "pending") String status) {
    if (!Set.of("pending", "accepted", "rejected", "superseded", "all").contains(status)) {
      throw InvalidInputException.of(
          "status", "use pending, accepted, rejected, superseded or all");
    }
    return proposals.list(status.equals("all") ? null : status, 500);
  }

  @PostMapping("/proposals/{id}/accept")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  Merges.MergeRecord accept(
      @PathVariable long id, @RequestBody(required = false) AcceptInput input) {
    return merges.accept(id, input == null ? null : input.survivorId());
  }

  @PostMapping("/proposals/{id}/reject")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  MergeProposals.Proposal reject(@PathVariable long id) {
    return merges.reject(id);
  }
}
