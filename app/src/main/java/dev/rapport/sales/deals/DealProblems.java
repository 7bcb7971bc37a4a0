package dev.rapport.sales.deals;

import dev.rapport.sales.DealConflictException;
import dev.rapport.sales.Gate;
import dev.rapport.sales.GatesMissingException;
import dev.rapport.shared.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The deals' refusals as Problem Details, for every JSON controller (the board's too): missing
 * gates are 422 naming each gate, a lost race or a contradiction is 409 with what happened.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DealProblems {

  @ExceptionHandler(GatesMissingException.class)
  ResponseEntity<ProblemDetail> gatesMissing(GatesMissingException e) {
    ProblemDetail p =
        Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT, "gates-missing", "Gates missing", e.getMessage());
    p.setProperty("stage", e.stage());
    p.setProperty("missingGates", e.missing().stream().map(DealProblems::gate).toList());
    p.setProperty(
        "errors",
        List.of(
            Map.of(
                "field",
                "stageId",
                "reason",
                e.missing().stream().map(Gate::named).toList().toString())));
    return Problems.response(p);
  }

  @ExceptionHandler(DealConflictException.class)
  ResponseEntity<ProblemDetail> conflict(DealConflictException e) {
    return Problems.response(
        Problems.of(HttpStatus.CONFLICT, "deal-conflict", "Conflict", e.getMessage()));
  }

  static Map<String, Object> gate(Gate g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", g.number());
    m.put("key", g.name());
    m.put("label", g.label());
    return m;
  }
}
