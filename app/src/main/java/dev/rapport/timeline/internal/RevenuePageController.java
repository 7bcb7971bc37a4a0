package dev.rapport.timeline.internal;

import dev.rapport.people.AccountId;
import dev.rapport.people.Accounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The revenue panel an account's page loads with htmx: orders and invoices on the account's
 * timeline summed per currency, with the margin and its share. Currencies are never added up.
 */
@Controller
class RevenuePageController {

  /** One currency's totals: orders and invoices (count and amount) and the invoiced margin. */
  record Totals(
      String currency,
      long orders,
      BigDecimal ordered,
      long invoices,
      BigDecimal invoiced,
      BigDecimal margin) {

    /** The margin as a whole percentage of the invoiced amount, or null when nothing is. */
    public Integer marginPercent() {
      return invoiced.signum() == 0
          ? null
          : margin
              .multiply(BigDecimal.valueOf(100))
              .divide(invoiced, 0, RoundingMode.HALF_UP)
              .intValue();
    }
  }

  private final JdbcClient jdbc;
  private final Accounts accounts;

  RevenuePageController(JdbcClient jdbc, Accounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  /** An account the user may not see, or none: a plain 404, as for the account's page. */
  @ExceptionHandler(dev.rapport.shared.NotFoundException.class)
  ResponseEntity<String> notFound(dev.rapport.shared.NotFoundException e) {
    return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
  }

  @GetMapping("/timeline/accounts/{id}/revenue")
  @PreAuthorize("@access.allows('TIMELINE_READ')")
  String revenue(@PathVariable long id, Model model) {
    accounts
        .find(new AccountId(id))
        .orElseThrow(() -> new dev.rapport.shared.NotFoundException("account", id));
    model.addAttribute("accountId", id);
    model.addAttribute("totals", totals(id));
    return "timeline/revenue";
  }

  List<Totals> totals(long accountId) {
    Map<String, Totals> byCurrency = new TreeMap<>();
    jdbc.sql(
            """
            select currency, kind, count(*) n, coalesce(sum(amount), 0) amount,
              coalesce(sum(margin), 0) margin
            from touchpoint
            where account_id = :id and kind in ('ORDER', 'INVOICE') and amount is not null
              and currency is not null
            group by currency, kind
            """)
        .param("id", accountId)
        .query(
            rs -> {
              String currency = rs.getString("currency").strip();
              Totals t =
                  byCurrency.getOrDefault(
                      currency,
                      new Totals(
                          currency, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO));
              long n = rs.getLong("n");
              BigDecimal amount = money(rs.getBigDecimal("amount"));
              BigDecimal margin = money(rs.getBigDecimal("margin"));
              byCurrency.put(
                  currency,
                  "ORDER".equals(rs.getString("kind"))
                      ? new Totals(currency, n, amount, t.invoices(), t.invoiced(), t.margin())
                      : new Totals(currency, t.orders(), t.ordered(), n, amount, margin));
            });
    return List.copyOf(byCurrency.values());
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}
