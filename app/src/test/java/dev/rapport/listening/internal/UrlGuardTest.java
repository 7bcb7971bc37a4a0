package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlGuardTest {

  private final UrlGuard guard = new UrlGuard(List.of("feeds.internal.example:80"));

  @Test
  void refusesSchemesOtherThanHttp() {
    for (String url : List.of("file:///etc/passwd", "ftp://example.com/x", "gopher://x", "jar:x")) {
      assertThatThrownBy(() -> guard.check("url", url))
          .as(url)
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void refusesLoopbackPrivateLinkLocalAndMetadataAddresses() {
    for (String url :
        List.of(
            "http://127.0.0.1/",
            "http://localhost:8080/",
            "http://[::1]/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://172.16.5.4/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://metadata.google.internal/",
            "http://user:pw@example.com/")) {
      assertThatThrownBy(() -> guard.check("config.url", url))
          .as(url)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("config.url");
    }
  }

  @Test
  void allowsPublicAddressesAndAdminAllowedHosts() {
    assertThatCode(() -> guard.check("url", "https://93.184.216.34/feed"))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard.check("url", "http://feeds.internal.example/rss"))
        .doesNotThrowAnyException();
  }

  @Test
  void anAllowedHostIsAllowedOnItsPortOnly() {
    assertThatThrownBy(() -> guard.check("url", "http://feeds.internal.example:8080/rss"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> guard.check("url", "https://feeds.internal.example/rss"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void anAllowListEntryWithoutAPortIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new UrlGuard(List.of("feeds.internal.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feeds.internal.example:443");
  }

  @Test
  void everyResolvedAddressIsCheckedNotOnlyTheFirst() {
    UrlGuard twoFaced =
        new UrlGuard(
            List.of(),
            host ->
                new java.net.InetAddress[] {
                  java.net.InetAddress.getByName("93.184.216.34"),
                  java.net.InetAddress.getByName("10.0.0.5")
                });
    assertThatThrownBy(() -> twoFaced.target("url", java.net.URI.create("https://two.test/")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("10.0.0.5");
  }
}
