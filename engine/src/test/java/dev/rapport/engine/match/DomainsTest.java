package dev.rapport.engine.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.engine.text.Tokenizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DomainsTest {
  private static final String[] PARTS = {
    "http", "HTTPS", "://", "www.", "WWW.", "wwww", "a", "Z", "ooo", "OOo", "\0", ".", "..", ":",
    "8080", "/", "?", "#", "-", "x", "com", "Shop", "é", "K", "_", "%20", "//"
  };

  private static String random(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = r.nextInt(12); i < n; i++) {
      sb.append(PARTS[r.nextInt(PARTS.length)]);
    }
    return sb.toString();
  }

  @Test
  void asciiHostIsTheStringPathWithoutStrings() {
    Random r = new Random(7);
    int ascii = 0;
    for (int i = 0; i < 200_000; i++) {
      String url = random(r);
      char[] out = new char[url.length()];
      int n = Domains.asciiHost(url.toCharArray(), 0, url.length(), out);
      if (url.chars().anyMatch(c -> c >= 128)) {
        assertThat(n).as(url).isEqualTo(-1);
        continue;
      }
      ascii++;
      String expected = Tokenizer.normalizeWord(Domains.host(url.toLowerCase(Locale.ROOT)));
      assertThat(new String(out, 0, n)).as(url).isEqualTo(expected);
    }
    assertThat(ascii).isGreaterThan(50_000);
  }

  @Test
  void asciiHostReadsAUrlInsideALargerBuffer() {
    char[] buffer = "xx https://WWW.Shop.Example.com:443/a?b yy".toCharArray();
    char[] out = new char[64];
    int n = Domains.asciiHost(buffer, 3, 36, out);
    assertThat(new String(out, 0, n)).isEqualTo("shop.example.com");
  }

  @Test
  void asciiValueIsTheStringPathWithoutStrings() {
    Random r = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      String value = random(r);
      char[] out = new char[value.length()];
      int n = Domains.asciiValue(value, 0, out);
      if (value.chars().anyMatch(c -> c >= 128)) {
        assertThat(n).isEqualTo(-1);
      } else {
        assertThat(new String(out, 0, n))
            .as(value)
            .isEqualTo(Tokenizer.normalizeWord(value.toLowerCase(Locale.ROOT)));
      }
    }
  }
}
