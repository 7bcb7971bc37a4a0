package dev.rapport.access.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.rapport.access.Role;
import dev.rapport.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input never escapes as anything but a field-by-field refusal. */
class UserInputFuzzTest {

  private static final String ALPHABET = "aZ09._- \t\n\u0000%\\'\"<>éß漢😀";

  private static String randomText(Random r, int max) {
    if (r.nextInt(10) == 0) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(max);
    for (int i = 0; i < n; i++) {
      s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  @Test
  void randomUserInputIsAcceptedCleanOrRefusedWithNamedFields() {
    Random r = new Random(20261123L);
    int accepted = 0;
    for (int i = 0; i < 5000; i++) {
      // half well-formed, half hostile, so both paths run often
      String username = r.nextBoolean() ? "user." + i : randomText(r, 70);
      String displayName = r.nextBoolean() ? "Name " + i : randomText(r, 220);
      String password = r.nextBoolean() ? "long password " + i : randomText(r, 90);
      List<String> roles = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        roles.add(r.nextBoolean() ? Role.values()[r.nextInt(5)].name() : randomText(r, 8));
      }
      UserInput in = new UserInput();
      String u = in.username("username", username);
      String d = in.text("displayName", displayName, 200);
      String p = in.password("password", password, u);
      in.roles("roles", roles);
      try {
        in.check();
        accepted++;
        assertThat(u).matches("[a-z0-9][a-z0-9._-]{1,59}");
        assertThat(d).isNotBlank().hasSizeLessThanOrEqualTo(200).doesNotContain("\u0000");
        assertThat(p.codePointCount(0, p.length())).isGreaterThanOrEqualTo(12);
      } catch (InvalidInputException e) {
        assertThat(e.errors()).isNotEmpty();
        assertThat(e.errors())
            .allSatisfy(
                err ->
                    assertThat(err.field())
                        .matches("username|displayName|password|roles(\\[\\d+])?"));
      }
    }
    assertThat(accepted).as("some random input is valid").isPositive();
  }

  @Test
  void pageAndSortInputNeverOverflows() {
    Random r = new Random(7L);
    for (int i = 0; i < 2000; i++) {
      int page = r.nextInt();
      int size = r.nextInt();
      UserInput in = new UserInput();
      assertThatCode(() -> PageRequest.of(in, page, size).offset()).doesNotThrowAnyException();
    }
  }
}
