package dev.rapport.engine.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsObjectsArraysStringsNumbersAndLiterals() throws Exception {
    Object v =
        Json.parse(" {\"a\":[1,-2.5e3,true,false,null],\"b\":\"x\\u00e9\\n\\ud83d\\ude00\"} ");
    Map<?, ?> m = (Map<?, ?>) v;
    List<Object> a = List.copyOf((List<?>) m.get("a"));
    assertThat(a)
        .isEqualTo(
            List.of(new Json.Number("1"), new Json.Number("-2.5e3"), true, false, Json.NULL));
    assertThat(m.get("b")).isEqualTo("xé\n😀");
  }

  @Test
  void rejectsWhatStrictJsonRejects() {
    for (String bad :
        List.of(
            "",
            "{",
            "{\"a\":1,}",
            "[1,]",
            "{'a':1}",
            "{\"a\":01}",
            "{\"a\":1.}",
            "NaN",
            "{\"a\":1} x",
            "{\"a\":1,\"a\":2}",
            "\"tab\there\"",
            "\"\\x\"",
            "[1 2]",
            "tru",
            "{\"a\" 1}",
            "-",
            "1e",
            "\"\\u12\"",
            "[".repeat(100) + "]".repeat(100))) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.Malformed.class);
    }
  }

  @Test
  void quotedStringsReadBackTheSame() throws Exception {
    Random random = new Random(42);
    for (int n = 0; n < 2_000; n++) {
      String s = randomString(random, 30);
      StringBuilder b = new StringBuilder();
      Json.quote(b, s);
      Object back = Json.parse(b.toString());
      assertThat(back).isEqualTo(s);
    }
  }

  @Test
  void mutatedInputEitherParsesOrIsMalformed() {
    Random random = new Random(7);
    String seed = "{\"id\":\"p1\",\"text\":\"Acme is down 😡 \\\"again\\\"\",\"n\":[1,2.5,null]}";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder s = new StringBuilder(seed);
      for (int k = 0; k < 1 + random.nextInt(4); k++) {
        int at = random.nextInt(s.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> s.insert(at, (char) random.nextInt(0x3000));
          case 1 -> {
            if (at < s.length()) {
              s.deleteCharAt(at);
            }
          }
          default -> s.insert(at, "{[\"\\,:}]".charAt(random.nextInt(8)));
        }
      }
      try {
        Json.parse(s.toString());
      } catch (Json.Malformed expected) {
        assertThat(expected.position()).isBetween(0, s.length());
      }
    }
  }

  static String randomString(Random random, int max) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(max);
    String special = "\"\\\n\r\t\u0000\u001f\u2028 aZ😀é";
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(4)) {
        case 0 -> b.append(special.charAt(random.nextInt(special.length())));
        case 1 -> b.append((char) (0xD800 + random.nextInt(0x800)));
        default -> b.append((char) random.nextInt(0x10000));
      }
    }
    return b.toString();
  }
}
