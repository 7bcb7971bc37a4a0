package dev.rapport.sales.mail;

import dev.rapport.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts mailbox passwords at rest with AES-256-GCM under the key in {@code rapport.mail.key}
 * (base64 of 32 bytes). Stored as {@code v1:} + base64(12-byte IV, ciphertext and tag); a fresh IV
 * each time, so the same password never looks the same twice.
 */
@Component
public class PasswordCipher {

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final String problem;
  private final SecureRandom random = new SecureRandom();

  public PasswordCipher(MailProperties props) {
    SecretKeySpec k = null;
    String why = null;
    String configured = props.key();
    if (configured == null || configured.isBlank()) {
      why = "no mail key is configured (rapport.mail.key, base64 of 32 random bytes)";
    } else {
      try {
        byte[] raw = Base64.getDecoder().decode(configured.strip());
        if (raw.length != 32) {
          why = "rapport.mail.key must be base64 of 32 bytes, it has " + raw.length;
        } else {
          k = new SecretKeySpec(raw, "AES");
        }
      } catch (IllegalArgumentException e) {
        why = "rapport.mail.key is not valid base64";
      }
    }
    this.key = k;
    this.problem = why;
  }

  /** Whether passwords can be stored; otherwise {@link #problem()} says why. */
  public boolean ready() {
    return key != null;
  }

  public String problem() {
    return problem;
  }

  public String encrypt(String plain) {
    if (key == null) {
      throw InvalidInputException.of("password", "cannot be stored: " + problem);
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The password, or an exception saying why it cannot be read (no key, another key). */
  public String decrypt(String stored) {
    if (key == null) {
      throw new IllegalStateException("the mailbox password cannot be read: " + problem);
    }
    if (stored == null || !stored.startsWith(PREFIX)) {
      throw new IllegalStateException("the mailbox password is not stored in a known form");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the mailbox password cannot be read with the configured rapport.mail.key (was the key"
              + " changed? connect the mailbox again)");
    }
  }
}
