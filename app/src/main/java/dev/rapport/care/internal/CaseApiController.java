package dev.rapport.care.internal;

import dev.rapport.listening.MentionReplies;
import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import dev.rapport.people.RecordAccess;
import dev.rapport.shared.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Support cases over JSON: the queue, one case, its work, alerts, brands and routing rules. */
@RestController
@Tag(name = "Cases")
class CaseApiController {

  /** A page of cases. */
  record CasePage(List<CaseViews.CaseView> items, long total, int page, int size) {}

  /** A case with its history and the mentions it holds. */
  record CaseDetail(
      CaseViews.CaseView item, List<CaseStore.Event> history, List<Long> mentionIds) {}

  /** What care knows about a person or an account: churn risk and open cases. */
  record CareSummary(
      boolean churnRisk,
      List<CaseViews.ChurnRisk> churnRisks,
      List<CaseViews.CaseView> openCases) {}

  record AssignBody(Long userId) {}

  record ReplyBody(String text) {}

  record StatusBody(String status) {}

  record CloseBody(String outcome) {}

  record BrandBody(String name, String kind) {}

  record ReplyResult(String how, String replyUrl, CaseViews.CaseView item) {}

  private final CaseQueries queries;
  private final CaseViews views;
  private final CaseStore store;
  private final CaseWork work;
  private final SpikeAlerts alerts;
  private final Brands brands;
  private final CaseRoutes routes;
  private final RecordAccess records;

  CaseApiController(
      CaseQueries queries,
      CaseViews views,
      CaseStore store,
      CaseWork work,
      SpikeAlerts alerts,
      Brands brands,
      CaseRoutes routes,
      RecordAccess records) {
    this.queries = queries;
    this.views = views;
    this.store = store;
    this.work = work;
    this.alerts = alerts;
    this.brands = brands;
    this.routes = routes;
    this.records = records;
  }

  @GetMapping("/api/v1/cases")
  @PreAuthorize("@access.allows('CASES_READ')")
  @Operation(
      summary =
          "Cases the caller may see (their person is visible): view open, mine, unassigned,"
              + " breached, closed or all; soonest due first; each with its SLA and dueAt")
  CasePage list(
      @RequestParam(required = false) String view,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    CaseQueries.Page p = queries.page(CaseQueries.View.parse(view), page, size);
    return new CasePage(views.views(p.items()), p.total(), p.page(), p.size());
  }

  @GetMapping("/api/v1/cases/{id}")
  @PreAuthorize("@access.allows('CASES_READ')")
  CaseDetail get(@PathVariable long id) {
    CareCase c = queries.get(id);
    return new CaseDetail(views.view(c), store.events(id), store.mentions(id));
  }

  @PostMapping("/api/v1/cases/{id}/assign")
  @PreAuthorize("@access.allows('CASES_WRITE')")
  CaseViews.CaseView assign(@PathVariable long id, @RequestBody(required = false) AssignBody b) {
    queries.get(id);
    return views.view(work.assign(id, b == null ? null : b.userId()));
  }

  @PostMapping("/api/v1/cases/{id}/reply")
  @PreAuthorize("@access.allows('CASES_WRITE')")
  @Operation(
      summary =
          "Reply: recorded on the case and the person's timeline, and posted on Mastodon or"
              + " Bluesky when the source holds credentials; the case then waits on the customer")
  ReplyResult reply(@PathVariable long id, @RequestBody(required = false) ReplyBody b) {
    queries.get(id);
    CaseWork.Replied r = work.reply(id, b == null ? null : b.text());
    return new ReplyResult(r.how(), r.replyUrl(), views.view(r.item()));
  }

  @PostMapping("/api/v1/cases/{id}/status")
  @PreAuthorize("@access.allows('CASES_WRITE')")
  @Operation(summary = "Set new, assigned, waiting_on_customer or resolved; closed cases refuse")
  CaseViews.CaseView status(@PathVariable long id, @RequestBody(required = false) StatusBody b) {
    queries.get(id);
    return views.view(work.status(id, b == null ? null : b.status()));
  }

  @PostMapping("/api/v1/cases/{id}/close")
  @PreAuthorize("@access.allows('CASES_WRITE')")
  @Operation(
      summary =
          "Close with an outcome: resolved_happy, resolved_unhappy (marks churn risk) or"
              + " no_answer; publishes CaseClosed. A closed case is never reopened (409)")
  CaseViews.CaseView close(@PathVariable long id, @RequestBody(required = false) CloseBody b) {
    queries.get(id);
    return views.view(work.close(id, b == null ? null : b.outcome()));
  }

  @GetMapping("/api/v1/cases/alerts")
  @PreAuthorize("@access.allows('CASES_READ')")
  @Operation(summary = "Complaint spike alerts of the last days (default 1, at most 30)")
  List<SpikeAlerts.Alert> alerts(@RequestParam(defaultValue = "1") int days) {
    int d = Math.max(1, Math.min(days, 30));
    return alerts.recent(Instant.now().minus(Duration.ofDays(d)), 200);
  }

  @GetMapping("/api/v1/cases/brands")
  @PreAuthorize("@access.allows('CASES_READ')")
  List<Brands.Brand> brands() {
    return brands.all();
  }

  @PostMapping("/api/v1/cases/brands")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  ResponseEntity<Brands.Brand> addBrand(@RequestBody(required = false) BrandBody b) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(brands.add(b == null ? null : b.name(), b == null ? null : b.kind()));
  }

  @DeleteMapping("/api/v1/cases/brands/{id}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  ResponseEntity<Void> deleteBrand(@PathVariable long id) {
    brands.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/cases/routes")
  @PreAuthorize("@access.allows('CASES_READ')")
  List<CaseRoutes.Route> routes() {
    return routes.all();
  }

  @PostMapping("/api/v1/cases/routes")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  ResponseEntity<CaseRoutes.Route> addRoute(@RequestBody(required = false) CaseRoutes.Form f) {
    return ResponseEntity.status(HttpStatus.CREATED).body(routes.create(f));
  }

  @DeleteMapping("/api/v1/cases/routes/{id}")
  @PreAuthorize("@access.allows('USERS_ADMIN')")
  ResponseEntity<Void> deleteRoute(@PathVariable long id) {
    routes.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/persons/{id}/care")
  @PreAuthorize("@access.allows('CASES_READ')")
  @Operation(summary = "The person's churn risk and open cases")
  CareSummary forPerson(@PathVariable long id) {
    records.requireVisiblePerson(new PersonId(id));
    return summary("person_id", id);
  }

  @GetMapping("/api/v1/accounts/{id}/care")
  @PreAuthorize("@access.allows('CASES_READ')")
  @Operation(summary = "The account's churn risk and open cases")
  CareSummary forAccount(@PathVariable long id) {
    records.requireVisibleAccount(new AccountId(id));
    return summary("account_id", id);
  }

  CareSummary summary(String column, long id) {
    List<CaseViews.ChurnRisk> risks = views.churnRisk(column, id);
    return new CareSummary(!risks.isEmpty(), risks, views.views(queries.openFor(column, id)));
  }

  @ExceptionHandler(CaseLocked.class)
  ResponseEntity<ProblemDetail> locked(CaseLocked e) {
    ProblemDetail p =
        Problems.of(HttpStatus.CONFLICT, "case-closed", "The case is closed", e.getMessage());
    return Problems.response(
        Problems.withErrors(
            p,
            List.of(
                new dev.rapport.shared.InvalidInputException.FieldError(
                    "status", e.getMessage()))));
  }

  @ExceptionHandler(MentionReplies.ReplyFailed.class)
  ResponseEntity<ProblemDetail> replyFailed(MentionReplies.ReplyFailed e) {
    return Problems.response(
        Problems.of(
            HttpStatus.BAD_GATEWAY,
            "reply-failed",
            "The network refused the reply",
            e.getMessage()));
  }
}
