package dev.rapport.sales.deals;

import dev.rapport.access.Actors;
import dev.rapport.people.AccountId;
import dev.rapport.people.Handles;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.sales.DealConflictException;
import dev.rapport.sales.DealSource;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.Gate;
import dev.rapport.sales.GateEvidence;
import dev.rapport.sales.GatesMissingException;
import dev.rapport.sales.NewOpportunity;
import dev.rapport.sales.NewStakeholder;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Opportunity;
import dev.rapport.sales.OpportunityFilter;
import dev.rapport.sales.Stakeholder;
import dev.rapport.sales.StakeholderRole;
import dev.rapport.sales.Stance;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deal pages: the list of visible deals, a deal's page (gates with evidence, stakeholder map,
 * history, stage move, win and lose) and the form that opens a deal from a lead, an inbox item or a
 * person. Refusals come back to the page as a message naming what was wrong.
 */
@Controller
class DealPageController {

  private final Opportunities deals;
  private final RecordAccess records;
  private final Handles handles;
  private final Actors actors;

  DealPageController(Opportunities deals, RecordAccess records, Handles handles, Actors actors) {
    this.deals = deals;
    this.records = records;
    this.handles = handles;
    this.actors = actors;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  @GetMapping("/deals")
  @PreAuthorize("@access.allows('DEALS_READ')")
  String list(
      @RequestParam(required = false) String mine,
      @RequestParam(required = false) String stale,
      @RequestParam(required = false) Long pipeline,
      Model model) {
    Long me = "1".equals(mine) ? actors.current().userId() : null;
    model.addAttribute(
        "deals",
        deals.all(
            new OpportunityFilter(me, null, pipeline, null, null, null, "1".equals(stale)), 500));
    model.addAttribute("pipelines", deals.pipelines());
    model.addAttribute("mine", "1".equals(mine));
    model.addAttribute("staleOnly", "1".equals(stale));
    return "sales/deals/list";
  }

  @GetMapping("/deals/new")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  String newDeal(
      @RequestParam(required = false) Long person,
      @RequestParam(required = false) Long account,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String ref,
      Model model) {
    if (person != null) {
      records.requireVisiblePerson(new PersonId(person));
    }
    if (account != null) {
      records.requireVisibleAccount(new AccountId(account));
    }
    model.addAttribute("person", person);
    model.addAttribute("account", account);
    model.addAttribute("source", source == null ? "MANUAL" : source);
    model.addAttribute("ref", ref);
    model.addAttribute("sources", DealSource.values());
    model.addAttribute("pipelines", deals.pipelines());
    model.addAttribute("closeDate", LocalDate.now().plusMonths(1));
    return "sales/deals/new";
  }

  @PostMapping("/deals")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  String create(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) String expectedMargin,
      @RequestParam(required = false) String closeDate,
      @RequestParam(required = false) Long pipelineId,
      @RequestParam(required = false) Long person,
      @RequestParam(required = false) Long account,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String ref,
      RedirectAttributes flash) {
    if (person != null) {
      records.requireChangeablePerson(new PersonId(person));
    }
    if (account != null) {
      records.requireChangeableAccount(new AccountId(account));
    }
    try {
      Opportunity o =
          deals.create(
              new NewOpportunity(
                  name,
                  pipelineId,
                  null,
                  decimal("amount", amount),
                  currency,
                  decimal("expectedMargin", expectedMargin),
                  DealApiController.date("closeDate", closeDate, false),
                  null,
                  account == null ? null : new AccountId(account),
                  person == null ? null : new PersonId(person),
                  List.of(),
                  DealApiController.choice("source", source, DealSource.class),
                  ref,
                  null));
      flash.addFlashAttribute("message", "Deal #" + o.id() + " opened.");
      return "redirect:/deals/" + o.id();
    } catch (InvalidInputException | GatesMissingException e) {
      flash.addFlashAttribute("error", e.getMessage());
      StringBuilder back = new StringBuilder("redirect:/deals/new?source=");
      back.append(source == null ? "MANUAL" : source);
      if (person != null) {
        back.append("&person=").append(person);
      }
      if (account != null) {
        back.append("&account=").append(account);
      }
      return back.toString();
    }
  }

  private static BigDecimal decimal(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(raw.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "'" + DealInput.clip(raw) + "' is not a number");
    }
  }

  @GetMapping("/deals/{id}")
  @PreAuthorize("@access.allows('DEALS_READ')")
  String deal(@PathVariable long id, Model model) {
    Opportunity o = deals.require(id);
    List<Stakeholder> holders = deals.stakeholders(id);
    Map<StakeholderRole, List<Stakeholder>> map = new LinkedHashMap<>();
    for (StakeholderRole role : StakeholderRole.values()) {
      List<Stakeholder> in = holders.stream().filter(h -> h.role() == role).toList();
      if (!in.isEmpty()) {
        map.put(role, in);
      }
    }
    Map<Long, List<Handles.Hit>> identities = new LinkedHashMap<>();
    for (Stakeholder h : holders) {
      identities.put(h.person().value(), identities(h));
    }
    model.addAttribute("deal", o);
    model.addAttribute("pipeline", deals.pipeline(o.pipelineId()));
    model.addAttribute("stakeholderMap", map);
    model.addAttribute("identities", identities);
    model.addAttribute("history", deals.history(id));
    model.addAttribute("roles", StakeholderRole.values());
    model.addAttribute("stances", Stance.values());
    model.addAttribute("wonReasons", deals.reasons(DealStatus.WON, false));
    model.addAttribute("lostReasons", deals.reasons(DealStatus.LOST, false));
    return "sales/deals/deal";
  }

  /** The stakeholder's social identities, found by their name through people's handle search. */
  private List<Handles.Hit> identities(Stakeholder h) {
    if (h.personName() == null || h.personName().isBlank()) {
      return List.of();
    }
    return handles.search(h.personName(), 20).stream()
        .filter(hit -> hit.person().equals(h.person()))
        .toList();
  }

  @PostMapping("/deals/{id}/stage")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  String move(
      @PathVariable long id,
      @RequestParam(required = false) Long stageId,
      @RequestParam(required = false) Integer version,
      RedirectAttributes flash) {
    return act(
        id,
        flash,
        () -> {
          if (stageId == null) {
            throw InvalidInputException.of("stageId", "is required");
          }
          return "Moved to '" + deals.moveStage(id, stageId, version).stageName() + "'.";
        });
  }

  @PostMapping("/deals/{id}/gates/{gate}")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  String confirm(
      @PathVariable long id,
      @PathVariable int gate,
      @RequestParam(required = false) String evidence,
      @RequestParam(required = false) String touchpointIds,
      @RequestParam(required = false) String mentionIds,
      RedirectAttributes flash) {
    return act(
        id,
        flash,
        () -> {
          Gate g = DealApiController.gate(gate);
          deals.confirmGate(
              id,
              g,
              new GateEvidence(
                  evidence, ids("touchpointIds", touchpointIds), ids("mentionIds", mentionIds)));
          return g.named() + " confirmed.";
        });
  }

  private static List<Long> ids(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    try {
      return Arrays.stream(raw.split("[,\\s]+"))
          .filter(s -> !s.isBlank())
          .map(Long::parseLong)
          .collect(Collectors.toList());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(field, "give ids separated by commas");
    }
  }

  @PostMapping("/deals/{id}/stakeholders")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  String stakeholder(
      @PathVariable long id,
      @RequestParam(required = false) Long person,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String stance,
      @RequestParam(required = false) String criteria,
      @RequestParam(required = false) String access,
      RedirectAttributes flash) {
    deals.require(id);
    if (person != null) {
      records.requireChangeablePerson(new PersonId(person));
    }
    return act(
        id,
        flash,
        () -> {
          if (person == null) {
            throw InvalidInputException.of("person", "is required (a person id)");
          }
          StakeholderRole r = DealApiController.choice("role", role, StakeholderRole.class);
          if (r == null) {
            throw InvalidInputException.of("role", "is required");
          }
          Stakeholder s =
              deals.putStakeholder(
                  id,
                  new NewStakeholder(
                      new PersonId(person),
                      r,
                      criteria,
                      DealApiController.choice("stance", stance, Stance.class),
                      "yes".equals(access) || "true".equals(access) || "on".equals(access)));
          return "Stakeholder "
              + (s.personName() == null ? "#" + person : s.personName())
              + " saved.";
        });
  }

  @PostMapping("/deals/{id}/win")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  String win(
      @PathVariable long id,
      @RequestParam(required = false) Long reasonId,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) Integer version,
      RedirectAttributes flash) {
    return act(
        id,
        flash,
        () -> {
          if (reasonId == null) {
            throw InvalidInputException.of("reasonId", "choose a reason");
          }
          deals.win(id, reasonId, note, version);
          return "Deal won.";
        });
  }

  @PostMapping("/deals/{id}/lose")
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  String lose(
      @PathVariable long id,
      @RequestParam(required = false) Long reasonId,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) Integer version,
      RedirectAttributes flash) {
    return act(
        id,
        flash,
        () -> {
          if (reasonId == null) {
            throw InvalidInputException.of("reasonId", "choose a reason");
          }
          deals.lose(id, reasonId, note, version);
          return "Deal lost.";
        });
  }

  /** Checks the deal is visible, runs the change, and comes back to the page with what happened. */
  private String act(long id, RedirectAttributes flash, Supplier<String> change) {
    deals.require(id);
    try {
      flash.addFlashAttribute("message", change.get());
    } catch (InvalidInputException | GatesMissingException | DealConflictException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/deals/" + id;
  }
}
