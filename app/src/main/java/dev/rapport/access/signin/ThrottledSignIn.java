package dev.rapport.access.signin;

import dev.rapport.access.AuditLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) behind {@link SignInThrottle}: a locked username or
 * address is refused at once, before the password is checked, with the same answer whether or not
 * the user exists; each lock that starts is audited as a {@code sign_in_lock}.
 */
public final class ThrottledSignIn implements AuthenticationProvider {

  public static final String AUDIT_TYPE = "sign_in_lock";

  private final DaoAuthenticationProvider passwords;
  private final SignInThrottle throttle;
  private final AuditLog audit;

  public ThrottledSignIn(
      DaoAuthenticationProvider passwords, SignInThrottle throttle, AuditLog audit) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = SignInThrottle.normalize(attempt.getName());
    String address =
        attempt.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    Duration locked = throttle.lockedFor(username, address);
    if (!locked.isZero()) {
      // an attempt while locked counts as one more failure, so a client that keeps hammering
      // (25 guesses in a second) keeps the door shut for growing delays; its password is not read
      Duration lock = throttle.failed(username, address);
      throw new SignInThrottled(seconds(lock.compareTo(locked) > 0 ? lock : locked));
    }
    try {
      Authentication result = passwords.authenticate(attempt);
      throttle.succeeded(username);
      return result;
    } catch (AuthenticationException e) {
      Duration lock = throttle.failed(username, address);
      if (!lock.isZero()) {
        audited(username, address, lock);
      }
      throw e;
    }
  }

  private void audited(String username, String address, Duration lock) {
    Map<String, Object> what = new LinkedHashMap<>();
    what.put("username", username.length() > 100 ? username.substring(0, 100) : username);
    what.put("address", address);
    what.put("lockedSeconds", seconds(lock));
    audit.record(
        AUDIT_TYPE,
        username.length() > 100 ? username.substring(0, 100) : username,
        AuditLog.Action.CREATE,
        null,
        what);
  }

  public static long seconds(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, s);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }
}
