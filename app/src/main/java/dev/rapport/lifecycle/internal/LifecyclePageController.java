package dev.rapport.lifecycle.internal;

import dev.rapport.access.Actors;
import dev.rapport.lifecycle.ChangedBy;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.lifecycle.StageChange;
import dev.rapport.lifecycle.StageOwner;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lifecycle pages: settings (choose the model, edit its stages, add product lines) and the
 * stage panel a person's page loads into its side column. Plain forms and buttons, no dragging.
 */
@Controller
class LifecyclePageController {

  /** A bad id or filter in a fragment's URL: a plain 400 naming the field, not a server error. */
  @org.springframework.web.bind.annotation.ExceptionHandler(InvalidInputException.class)
  org.springframework.http.ResponseEntity<String> invalid(InvalidInputException e) {
    return org.springframework.http.ResponseEntity.badRequest()
        .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  /** A record missing or hidden from the user: 404, the same answer as for the record itself. */
  @org.springframework.web.bind.annotation.ExceptionHandler(
      dev.rapport.shared.NotFoundException.class)
  org.springframework.http.ResponseEntity<String> notFound(dev.rapport.shared.NotFoundException e) {
    return org.springframework.http.ResponseEntity.status(
            org.springframework.http.HttpStatus.NOT_FOUND)
        .contentType(org.springframework.http.MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  private final Lifecycle lifecycle;
  private final LifecycleAdmin admin;
  private final Actors actors;
  private final dev.rapport.access.UserNames names;
  private final RecordAccess records;

  LifecyclePageController(
      Lifecycle lifecycle,
      LifecycleAdmin admin,
      Actors actors,
      dev.rapport.access.UserNames names,
      RecordAccess records) {
    this.lifecycle = lifecycle;
    this.admin = admin;
    this.actors = actors;
    this.names = names;
    this.records = records;
  }

  @GetMapping("/settings/lifecycle")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  String settings(Model model) {
    model.addAttribute("models", lifecycle.models());
    model.addAttribute("active", lifecycle.activeModel());
    model.addAttribute("productLines", lifecycle.productLines());
    model.addAttribute("owners", StageOwner.values());
    model.addAttribute("countsAs", CountsAs.values());
    model.addAttribute(
        "canAdmin", actors.current().can(dev.rapport.access.Permission.LIFECYCLE_ADMIN));
    return "lifecycle/settings";
  }

  @PostMapping("/settings/lifecycle/active")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String choose(@RequestParam(required = false) Long modelId, RedirectAttributes flash) {
    return act(
        flash,
        () -> {
          if (modelId == null) {
            throw InvalidInputException.of("modelId", "choose a model");
          }
          return "Now using " + admin.activate(modelId).name() + ".";
        });
  }

  @PostMapping("/settings/lifecycle/stages/{id}")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String editStage(
      @PathVariable long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String countsAs,
      RedirectAttributes flash) {
    return act(
        flash,
        () -> {
          var stage =
              admin.updateStage(
                  id,
                  name,
                  parse("owner", owner, StageOwner.class),
                  parse("countsAs", countsAs, CountsAs.class));
          return "Saved stage " + stage.name() + ".";
        });
  }

  @PostMapping("/settings/lifecycle/stages/{id}/move")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String shift(@PathVariable long id, @RequestParam String direction, RedirectAttributes flash) {
    return act(
        flash,
        () -> {
          admin.shift(id, "up".equals(direction) ? -1 : 1);
          return "Moved the stage " + ("up".equals(direction) ? "up" : "down") + ".";
        });
  }

  @PostMapping("/settings/lifecycle/stages")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String addStage(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String countsAs,
      @RequestParam(required = false) Integer position,
      RedirectAttributes flash) {
    return act(
        flash,
        () -> {
          var stage =
              admin.addStage(
                  lifecycle.activeModel().id(),
                  name,
                  parse("owner", owner, StageOwner.class),
                  parse("countsAs", countsAs, CountsAs.class),
                  position);
          return "Added stage " + stage.name() + ".";
        });
  }

  @PostMapping("/settings/lifecycle/product-lines")
  @PreAuthorize("@access.allows('LIFECYCLE_ADMIN')")
  String addProductLine(@RequestParam(required = false) String name, RedirectAttributes flash) {
    return act(flash, () -> "Added product line " + admin.addProductLine(name).name() + ".");
  }

  @GetMapping("/lifecycle/persons/{id}/panel")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  String panel(@PathVariable long id, Model model) {
    PersonId person = LifecycleApiController.person(id);
    records.requireVisiblePerson(person);
    return renderPanel(person, model);
  }

  @PostMapping("/lifecycle/persons/{id}/panel")
  @PreAuthorize("@access.allows('LIFECYCLE_WRITE')")
  String move(
      @PathVariable long id,
      @RequestParam(required = false) Long productLineId,
      @RequestParam(required = false) Long stageId,
      @RequestParam(required = false) String why,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    PersonId person = LifecycleApiController.person(id);
    records.requireChangeablePerson(person);
    try {
      if (productLineId == null || stageId == null) {
        throw InvalidInputException.of(
            productLineId == null ? "productLineId" : "stageId", "choose one");
      }
      var change =
          lifecycle.move(
              person, productLineId, stageId, ChangedBy.user(actors.current().name()), why);
      model.addAttribute("message", "Moved to " + change.to().name() + ".");
      // the person's page reloads its timeline, which now holds the stage change
      response.setHeader("HX-Trigger", "stage-moved");
    } catch (InvalidInputException e) {
      model.addAttribute("error", e.getMessage());
    }
    return renderPanel(person, model);
  }

  private String renderPanel(PersonId person, Model model) {
    Instant now = Instant.now();
    List<CurrentView> current =
        lifecycle.currentStages(person).stream()
            .map(
                c ->
                    new CurrentView(
                        c, Display.when(c.since()), Display.span(Duration.between(c.since(), now))))
            .toList();
    List<HistoryView> history =
        lifecycle.history(person).stream()
            .map(c -> new HistoryView(c, Display.when(c.at()), by(c.by())))
            .toList();
    model.addAttribute("personId", person.value());
    model.addAttribute("suggested", suggestedNext(current));
    model.addAttribute("current", current);
    model.addAttribute("history", history);
    model.addAttribute("active", lifecycle.activeModel());
    model.addAttribute("productLines", lifecycle.productLines());
    return "lifecycle/panel";
  }

  /** The stage after the current one in the first product line: the usual next move. */
  private Long suggestedNext(List<CurrentView> current) {
    List<dev.rapport.lifecycle.Stage> stages = lifecycle.activeModel().stages();
    if (stages.isEmpty()) {
      return null;
    }
    if (current.isEmpty()) {
      return stages.get(0).id();
    }
    long now = current.get(0).stage().stage().id();
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id() == now) {
        return stages.get((i + 1) % stages.size()).id();
      }
    }
    return stages.get(0).id();
  }

  private dev.rapport.access.UserNames.Named by(ChangedBy by) {
    return switch (by.kind()) {
      case USER -> names.byUsername(by.name());
      case RULE ->
          new dev.rapport.access.UserNames.Named(null, "listening rule “" + by.name() + "”", null);
      case IMPORT ->
          new dev.rapport.access.UserNames.Named(null, "import “" + by.name() + "”", null);
    };
  }

  private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(field, "is not one of the choices: " + value);
    }
  }

  private interface Action {
    String run();
  }

  private static String act(RedirectAttributes flash, Action action) {
    try {
      flash.addFlashAttribute("message", action.run());
    } catch (InvalidInputException | NotFoundException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/settings/lifecycle";
  }

  /** A current stage with its "since" and "for how long" as text. */
  record CurrentView(CurrentStage stage, String since, String stay) {}

  /** A history row with its time and mover as text. */
  record HistoryView(StageChange change, String when, dev.rapport.access.UserNames.Named by) {}
}
