package dev.rapport.lifecycle.internal;

import dev.rapport.lifecycle.CurrentStage;
import dev.rapport.lifecycle.Lifecycle;
import dev.rapport.people.PersonId;
import dev.rapport.people.Persons;
import dev.rapport.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The stage column of the persons list: the list (owned by people, which cannot depend on
 * lifecycle) loads this with htmx, and each cell comes back as an out-of-band swap by its id.
 */
@Controller
class StageCellsPageController {

  static final int MAX = 200;

  /** A person's stage in their first product line, with every line's stage as a tooltip. */
  record Cell(long personId, String stage, String all) {}

  private final Lifecycle lifecycle;
  private final Persons persons;

  StageCellsPageController(Lifecycle lifecycle, Persons persons) {
    this.lifecycle = lifecycle;
    this.persons = persons;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<String> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
  }

  @GetMapping("/lifecycle/stage-cells")
  @PreAuthorize("@access.allows('LIFECYCLE_READ')")
  String cells(@RequestParam(required = false) String persons, Model model) {
    List<Cell> cells = new ArrayList<>();
    for (long id : ids(persons)) {
      PersonId person = new PersonId(id);
      // the same visibility question as the person's own page
      if (this.persons.find(person).isEmpty()) {
        continue;
      }
      List<CurrentStage> current = lifecycle.currentStages(person);
      cells.add(
          current.isEmpty()
              ? new Cell(id, null, null)
              : new Cell(
                  id,
                  current.get(0).stage().name(),
                  String.join(
                      ", ",
                      current.stream()
                          .map(c -> c.productLine().name() + ": " + c.stage().name())
                          .toList())));
    }
    model.addAttribute("cells", cells);
    return "lifecycle/stage-cells";
  }

  private static List<Long> ids(String raw) {
    List<Long> ids = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      return ids;
    }
    for (String part : raw.split(",")) {
      try {
        long id = Long.parseLong(part.strip());
        if (id <= 0) {
          throw new NumberFormatException();
        }
        ids.add(id);
      } catch (NumberFormatException e) {
        throw InvalidInputException.of("persons", "'" + part.strip() + "' is not a person id");
      }
      if (ids.size() > MAX) {
        throw InvalidInputException.of("persons", "at most " + MAX + " ids");
      }
    }
    return ids;
  }
}
