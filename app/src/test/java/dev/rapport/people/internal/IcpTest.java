package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IcpTest {

  final Icp icp = new Icp(null, null);
  final Icp.Profile profile =
      new Icp.Profile(
          List.of(
              new Icp.Rule("industry", "software, saas", 40),
              new Icp.Rule("size", "50-2000", 20),
              new Icp.Rule("title", "head, vp, director", 30),
              new Icp.Rule("location", "germany, france", 10)),
          60);

  Account account(String industry, Integer employees, String location) {
    return new Account(
        1, "A", List.of(), industry, employees, location, null, Instant.now(), Instant.now());
  }

  @Test
  void aPersonMatchingEveryRuleFitsFullyAndIsAProspect() {
    Icp.Fit fit = icp.fit(profile, "Head of Growth", account("SaaS", 300, "Berlin, Germany"));
    assertThat(fit.score()).isEqualTo(100);
    assertThat(fit.stage()).isEqualTo("prospect");
    assertThat(fit.reasons()).allMatch(r -> r.startsWith("+") && !r.startsWith("+0"));
  }

  @Test
  void missingRulesLowerTheScoreAndSayWhy() {
    Icp.Fit fit =
        icp.fit(profile, "Software Engineer", account("Software", 12, "Austin, United States"));
    assertThat(fit.score()).isEqualTo(40);
    assertThat(fit.stage()).isEqualTo("suspect");
    assertThat(fit.reasons())
        .contains("+40 industry 'Software' matches software, saas")
        .contains("+0 size '12' does not match 50-2000");
  }

  @Test
  void titleWordsMatchWholeWordsOnly() {
    assertThat(Icp.matches(new Icp.Rule("title", "vp", 1), "VP Sales")).isTrue();
    assertThat(Icp.matches(new Icp.Rule("title", "vp", 1), "MVP Developer")).isFalse();
    assertThat(Icp.matches(new Icp.Rule("size", "500+", 1), "12000")).isTrue();
  }

  @Test
  void theScoreStaysBetween0And100AndGrowsWithMatches() {
    Random random = new Random(7);
    String[] industries = {"Software", "Retail", null};
    String[] titles = {"Head of X", "Engineer", null};
    for (int i = 0; i < 2000; i++) {
      Account a =
          random.nextBoolean()
              ? null
              : account(
                  industries[random.nextInt(3)],
                  random.nextBoolean() ? null : random.nextInt(5000),
                  random.nextBoolean() ? "Paris, France" : null);
      Icp.Fit fit = icp.fit(profile, titles[random.nextInt(3)], a);
      assertThat(fit.score()).isBetween(0, 100);
      assertThat(fit.stage()).isEqualTo(fit.score() >= 60 ? "prospect" : "suspect");
      assertThat(fit.reasons()).hasSize(4);
    }
  }
}
