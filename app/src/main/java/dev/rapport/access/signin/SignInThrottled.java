package dev.rapport.access.signin;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without looking at the password because of earlier failures. */
final class SignInThrottled extends AuthenticationException {

  private final long retryAfterSeconds;

  public SignInThrottled(long retryAfterSeconds) {
    super(message(retryAfterSeconds));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static String message(long seconds) {
    return "Too many failed sign-ins; try again in "
        + seconds
        + (seconds == 1 ? " second." : " seconds.");
  }
}
