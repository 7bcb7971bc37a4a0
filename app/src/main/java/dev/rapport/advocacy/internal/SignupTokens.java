package dev.rapport.advocacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signup webhook's token: made by a campaigns admin, shown once, stored only as a SHA-256 hash
 * and compared in constant time. One token per workspace; making a new one retires the old.
 */
@Component
class SignupTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final AdvocacyStore store;

  SignupTokens(AdvocacyStore store) {
    this.store = store;
  }

  @Transactional
  String rotate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = "rrs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.saveSignupTokenHash(hash(token));
    return token;
  }

  boolean matches(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return false;
    }
    return store
        .signupTokenHash()
        .map(
            h ->
                MessageDigest.isEqual(
                    h.getBytes(StandardCharsets.US_ASCII),
                    hash(token).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }

  static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
