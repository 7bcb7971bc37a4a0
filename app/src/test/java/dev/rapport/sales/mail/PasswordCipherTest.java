package dev.rapport.sales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.shared.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mailbox passwords: AES-GCM round trip, a fresh IV each time, and no key means no mailbox. */
class PasswordCipherTest {

  static MailProperties props(String key) {
    return new MailProperties(key, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 10);
  }

  @Test
  void encryptsWithAFreshIvAndDecryptsOnlyWithTheSameKey() {
    PasswordCipher c = new PasswordCipher(props("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    String a = c.encrypt("hunter2-secret");
    String b = c.encrypt("hunter2-secret");
    assertThat(a).isNotEqualTo(b).doesNotContain("hunter2");
    assertThat(c.decrypt(a)).isEqualTo("hunter2-secret");
    PasswordCipher other =
        new PasswordCipher(props("HwECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    assertThatThrownBy(() -> other.decrypt(a)).hasMessageContaining("rapport.mail.key");
    // a tampered ciphertext fails the tag check
    String tampered = a.substring(0, a.length() - 3) + (a.endsWith("A==") ? "B==" : "A==");
    assertThatThrownBy(() -> c.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutAKeyOrWithAShortOneConnectingIsRefusedClearly() {
    PasswordCipher none = new PasswordCipher(props(null));
    assertThat(none.ready()).isFalse();
    assertThatThrownBy(() -> none.encrypt("x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rapport.mail.key");
    PasswordCipher shortKey = new PasswordCipher(props("AAECAw=="));
    assertThat(shortKey.ready()).isFalse();
    assertThat(shortKey.problem()).contains("32 bytes");
  }
}
