package dev.rapport.sales.board;

import dev.rapport.sales.DealStatus;
import dev.rapport.sales.Opportunities;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineStage;
import dev.rapport.sales.board.BoardQueries.Card;
import dev.rapport.shared.CsvWriter;
import dev.rapport.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deals as a list: the board's filters plus status, headers that sort, pages of 50, and the
 * same rows as CSV through the project's {@link CsvWriter} (a deal named {@code =HYPERLINK(..)} is
 * text in a spreadsheet, never a formula).
 */
@Controller
class DealListController {

  static final int PAGE_SIZE = 50;
  static final int EXPORT_MAX = 100_000;
  static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "name",
          "pipeline",
          "stage",
          "status",
          "amount",
          "currency",
          "close_date",
          "owner",
          "stale");

  private final BoardQueries queries;
  private final DealScope scope;
  private final Board board;
  private final Opportunities deals;
  private final BoardPageController pages;

  DealListController(
      BoardQueries queries,
      DealScope scope,
      Board board,
      Opportunities deals,
      BoardPageController pages) {
    this.queries = queries;
    this.scope = scope;
    this.board = board;
    this.deals = deals;
    this.pages = pages;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<String> invalid(InvalidInputException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.TEXT_PLAIN)
        .body(BoardPageController.describe(e));
  }

  @GetMapping("/deals/list")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Transactional(readOnly = true)
  String list(
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String closeMonth,
      @RequestParam(defaultValue = "open") String status,
      @RequestParam(defaultValue = "close") String sort,
      @RequestParam(defaultValue = "asc") String dir,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    BoardFilter filter = BoardPageController.filter(owner, team, closeMonth, model);
    String st = status(status);
    String by = BoardQueries.SORTS.containsKey(sort) ? sort : "close";
    boolean desc = "desc".equalsIgnoreCase(dir);
    int p = Math.max(0, Math.min(page, 10_000));
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, st, params);
    List<Card> rows = queries.rows(where, params, by, desc, (long) p * PAGE_SIZE, PAGE_SIZE);
    long total = queries.count(where, params);
    model.addAttribute("rows", rows(rows));
    model.addAttribute("total", total);
    model.addAttribute("page", p);
    model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("status", st);
    model.addAttribute("sort", by);
    model.addAttribute("desc", desc);
    pages.filters(model, filter);
    return "sales/board/list";
  }

  @GetMapping("/deals/export.csv")
  @PreAuthorize("@access.allows('DEALS_READ')")
  @Transactional(readOnly = true)
  void export(
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String closeMonth,
      @RequestParam(defaultValue = "open") String status,
      @RequestParam(defaultValue = "close") String sort,
      @RequestParam(defaultValue = "asc") String dir,
      HttpServletResponse response)
      throws IOException {
    BoardFilter filter = BoardFilter.parse(owner, team, closeMonth);
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, status(status), params);
    List<Card> rows =
        queries.rows(where, params, sort, "desc".equalsIgnoreCase(dir), 0, EXPORT_MAX);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"deals.csv\"");
    try (CsvWriter csv = CsvWriter.open(response.getWriter(), CSV_COLUMNS)) {
      for (Row r : rows(rows)) {
        Card c = r.card();
        csv.row(
            c.id(),
            c.name(),
            r.pipeline(),
            r.stage(),
            c.status(),
            c.amount(),
            c.currency(),
            c.closeDate().toString(),
            r.owner(),
            r.stale());
      }
    }
  }

  /** A list row: the deal with its pipeline, stage and owner by name. */
  record Row(Card card, String pipeline, String stage, String owner, boolean stale) {
    public String amount() {
      return BoardQueries.format(card.amount()) + " " + card.currency();
    }
  }

  private List<Row> rows(List<Card> cards) {
    Map<Long, Pipeline> pipelines = new HashMap<>();
    deals.pipelines().forEach(p -> pipelines.put(p.id(), p));
    Map<Long, String> names = new HashMap<>();
    Instant now = Clock.systemUTC().instant();
    return cards.stream()
        .map(
            c -> {
              Pipeline p = pipelines.get(c.pipelineId());
              PipelineStage s = p == null ? null : p.stage(c.stageId()).orElse(null);
              return new Row(
                  c,
                  p == null ? "" : p.name(),
                  s == null ? "" : s.name(),
                  board.ownerName(c.ownerUserId(), names),
                  BoardQueries.stale(c, s, now));
            })
        .toList();
  }

  /** open, won, lost or all; anything else is refused naming the field. */
  static String status(String text) {
    String s = text == null ? "open" : text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("all")) {
      return s;
    }
    for (DealStatus d : DealStatus.values()) {
      if (d.name().equalsIgnoreCase(s)) {
        return s;
      }
    }
    throw InvalidInputException.of("status", "must be open, won, lost or all");
  }

  private String where(BoardFilter f, String status, Map<String, Object> params) {
    String base = scope.where(f.owner(), f.team(), f.closeMonth(), params);
    if (status.equals("all")) {
      return base;
    }
    params.put("status", status.toUpperCase(Locale.ROOT));
    return "o.status = :status and " + base;
  }
}
