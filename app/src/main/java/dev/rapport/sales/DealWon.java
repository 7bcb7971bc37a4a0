package dev.rapport.sales;

import dev.rapport.people.AccountId;
import dev.rapport.people.PersonId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Published once, after the commit, when an opportunity is won. Advocacy credits referrers with its
 * revenue and margin; insights count it. {@code account} may be null (a deal with persons only);
 * {@code persons} holds the primary person first, then the deal's other persons; {@code margin} is
 * the expected margin in the deal's currency and may be null when the deal has none.
 */
public record DealWon(
    long opportunityId,
    AccountId account,
    List<PersonId> persons,
    BigDecimal amount,
    String currency,
    BigDecimal margin,
    String source,
    Instant wonAt) {

  public DealWon {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(wonAt, "wonAt");
    persons = List.copyOf(persons);
  }
}
