package dev.rapport.advocacy.internal;

import dev.rapport.advocacy.AdvocacyReason;
import dev.rapport.advocacy.AdvocacyScore;
import dev.rapport.people.PersonId;
import dev.rapport.people.PersonSummary;
import dev.rapport.people.Persons;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The advocates, the leaderboard and the codes as the API and the pages show them. */
@Service
class AdvocacyViews {

  /** An advocate or candidate with their score, reasons and what they brought. */
  record AdvocateView(
      long personId,
      String name,
      String status,
      String addedBy,
      String reason,
      int score,
      List<AdvocacyReason> reasons,
      Instant addedAt) {}

  /** One leaderboard line. */
  record LineView(
      int rank,
      long personId,
      String name,
      long referred,
      long clicks,
      long dealsWon,
      BigDecimal revenue,
      BigDecimal margin,
      String currency) {}

  /** A referral code with its link and counts. */
  record CodeView(
      String code,
      long personId,
      String advocateName,
      Long campaignId,
      String link,
      long clicks,
      long referred,
      Instant createdAt,
      Instant revokedAt) {}

  /** A page of a list. */
  record PageView<T>(List<T> items, int page, int size, long total) {}

  private final AdvocacyStore store;
  private final AdvocacyScoring scoring;
  private final ReferralStore referrals;
  private final Persons persons;

  AdvocacyViews(
      AdvocacyStore store, AdvocacyScoring scoring, ReferralStore referrals, Persons persons) {
    this.store = store;
    this.scoring = scoring;
    this.referrals = referrals;
    this.persons = persons;
  }

  PageView<AdvocateView> advocates(String status, int page, int size) {
    List<AdvocateView> items =
        store.advocates(status, page * size, size).stream()
            .map(this::view)
            .flatMap(Optional::stream)
            .toList();
    return new PageView<>(items, page, size, store.countAdvocates(status));
  }

  Optional<AdvocateView> view(AdvocacyStore.Advocate a) {
    PersonId id = new PersonId(a.person());
    return persons
        .find(id)
        .map(
            p -> {
              AdvocacyScore s = scoring.current(id);
              return new AdvocateView(
                  a.person(),
                  p.name(),
                  a.status(),
                  a.addedBy(),
                  a.reason(),
                  s.total(),
                  s.reasons(),
                  a.addedAt());
            });
  }

  List<LineView> leaderboard(int limit) {
    List<ReferralStore.Line> lines = referrals.leaderboard(limit);
    List<LineView> out = new java.util.ArrayList<>();
    for (ReferralStore.Line l : lines) {
      Optional<PersonSummary> p = persons.find(new PersonId(l.advocate()));
      if (p.isEmpty()) {
        continue;
      }
      out.add(
          new LineView(
              out.size() + 1,
              l.advocate(),
              p.get().name(),
              l.referred(),
              l.clicks(),
              l.deals(),
              l.revenue(),
              l.margin(),
              l.currency()));
    }
    return out;
  }

  List<CodeView> codes(PersonId person, String baseUrl, int limit) {
    return referrals.codes(person, limit).stream().map(c -> code(c, baseUrl)).toList();
  }

  CodeView code(ReferralStore.Code c, String baseUrl) {
    return new CodeView(
        c.code(),
        c.person(),
        persons.find(new PersonId(c.person())).map(PersonSummary::name).orElse(null),
        c.campaignId(),
        baseUrl + "/r/" + c.code(),
        c.clicks(),
        c.referred(),
        c.createdAt(),
        c.revokedAt());
  }
}
