package dev.rapport.sales.board;

import dev.rapport.access.Actors;
import dev.rapport.access.Permission;
import dev.rapport.access.User;
import dev.rapport.access.Users;
import dev.rapport.sales.DealConflictException;
import dev.rapport.sales.GatesMissingException;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Opportunity;
import dev.rapport.sales.Pipeline;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The deal board: a pipeline picker, filters by owner, team and close month, one column per open
 * stage with count and totals, cards dragged between columns. A move goes through the opportunities
 * facade; a refusal (gates missing, someone changed the deal first) answers with the reason, which
 * the page shows while the card snaps back. Users without DEALS_WRITE see the board without drag
 * handles, and the move answers them 403.
 */
@Controller
class BoardPageController {

  private final Board board;
  private final Opportunities deals;
  private final Users users;
  private final Actors actors;

  BoardPageController(Board board, Opportunities deals, Users users, Actors actors) {
    this.board = board;
    this.deals = deals;
    this.users = users;
    this.actors = actors;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.TEXT_PLAIN)
        .body(e.getMessage());
  }

  @GetMapping("/deals/board")
  @PreAuthorize("@access.allows('DEALS_READ')")
  String board(
      @RequestParam(required = false) Long pipeline,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String closeMonth,
      Model model) {
    Pipeline p = pipeline == null ? deals.defaultPipeline() : deals.pipeline(pipeline);
    BoardFilter filter = filter(owner, team, closeMonth, model);
    model.addAttribute("pipeline", p);
    model.addAttribute("pipelines", deals.pipelines());
    model.addAttribute("columns", board.columns(p, filter));
    model.addAttribute("canMove", actors.current().can(Permission.DEALS_WRITE));
    filters(model, filter);
    return "sales/board/board";
  }

  /** The filter from the request; bad text shows a message and the board unfiltered. */
  static BoardFilter filter(String owner, String team, String closeMonth, Model model) {
    try {
      return BoardFilter.parse(owner, team, closeMonth);
    } catch (InvalidInputException e) {
      model.addAttribute(
          "error",
          e.errors().stream()
                  .map(f -> f.field() + " " + f.reason())
                  .reduce((a, b) -> a + "; " + b)
                  .orElse("bad filter")
              + ". Showing every deal.");
      return BoardFilter.NONE;
    }
  }

  /** The filter's choices (enabled users and teams by name) and its current values. */
  void filters(Model model, BoardFilter filter) {
    model.addAttribute("filter", filter);
    model.addAttribute(
        "owners",
        users.all().stream()
            .filter(User::enabled)
            .sorted(Comparator.comparing(User::displayName, String.CASE_INSENSITIVE_ORDER))
            .toList());
    model.addAttribute("teams", users.teams());
  }

  /**
   * Moves a deal to another stage. Answers the deal's new version and every column's count and
   * total under the page's filter; 422 naming the missing gates; 409 when someone changed the deal
   * first; 404 when the deal is hidden; 400 for bad input.
   */
  @PostMapping(path = "/deals/board/move", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("@access.allows('DEALS_WRITE')")
  @ResponseBody
  ResponseEntity<Map<String, Object>> move(
      @RequestParam long id,
      @RequestParam long stageId,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String closeMonth) {
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      BoardFilter filter = BoardFilter.parse(owner, team, closeMonth);
      Opportunity moved = deals.moveStage(id, stageId, version);
      body.put("id", moved.id());
      body.put("stageId", moved.stageId());
      body.put("version", moved.version());
      body.put("message", "Moved “" + moved.name() + "” to " + moved.stageName() + ".");
      body.put("columns", board.summary(deals.pipeline(moved.pipelineId()), filter));
      return ResponseEntity.ok(body);
    } catch (GatesMissingException e) {
      String name = deals.get(id).map(Opportunity::name).orElse("The deal");
      body.put("message", "“" + name + "” stays where it was: " + e.getMessage() + ".");
      body.put("missing", e.missing().stream().map(g -> g.named()).toList());
      return ResponseEntity.status(422).body(body);
    } catch (DealConflictException e) {
      body.put("message", e.getMessage() + " Reload the board to see the deal as it is now.");
      return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    } catch (NotFoundException e) {
      body.put("message", "That deal is not there any more, or you may not see it.");
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    } catch (InvalidInputException e) {
      body.put("message", describe(e));
      return ResponseEntity.badRequest().body(body);
    }
  }

  static String describe(InvalidInputException e) {
    List<String> parts = e.errors().stream().map(f -> f.field() + " " + f.reason()).toList();
    return parts.isEmpty() ? "The move was refused." : String.join("; ", parts) + ".";
  }
}
