package dev.rapport.people.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Merge proposals waiting for a decision, and the merges made, with their explanations. */
@Controller
class MergePageController {

  /** A proposal with both persons, as the page shows it. */
  record ProposalRow(MergeProposals.Proposal proposal, Person a, Person b) {}

  private final MergeProposals proposals;
  private final Merges merges;
  private final PersonService persons;

  MergePageController(MergeProposals proposals, Merges merges, PersonService persons) {
    this.proposals = proposals;
    this.merges = merges;
    this.persons = persons;
  }

  @GetMapping("/merges")
  @PreAuthorize("@access.allows('PEOPLE_READ')")
  String page(Model model) {
    List<ProposalRow> rows = new ArrayList<>();
    for (MergeProposals.Proposal p : proposals.list("pending", 100)) {
      try {
        rows.add(new ProposalRow(p, persons.get(p.personA()), persons.get(p.personB())));
      } catch (dev.rapport.shared.NotFoundException hidden) {
        // a proposal about a person the user cannot see is not shown
      }
    }
    model.addAttribute("proposals", rows);
    model.addAttribute("merges", merges.list(null).stream().limit(50).toList());
    return "people/merges";
  }

  @PostMapping("/merges/proposals/{id}/accept")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String accept(@PathVariable long id, @RequestParam(required = false) Long survivorId) {
    Merges.MergeRecord r = merges.accept(id, survivorId);
    return "redirect:/persons/" + r.survivorId();
  }

  @PostMapping("/merges/proposals/{id}/reject")
  @PreAuthorize("@access.allows('PEOPLE_WRITE')")
  String reject(@PathVariable long id) {
    merges.reject(id);
    return "redirect:/merges";
  }
}
