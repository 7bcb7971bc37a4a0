package dev.rapport.access.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address and locks further attempts for a
 * growing delay. The username is counted whether or not such a user exists, so the answers never
 * tell the two apart. State lives in this instance's memory, bounded by {@code maxEntries} (the
 * least recently touched key is forgotten first): behind a load balancer each instance throttles on
 * its own.
 */
@Component
class SignInThrottle {

  /** One key's failures: how many since the last quiet period, the last one, the lock's end. */
  private record Failures(int count, Instant last, Instant lockedUntil) {}

  private final SignInThrottleProperties props;
  private final Map<String, Failures> failures;
  private volatile InstantSource clock = InstantSource.system();

  public SignInThrottle(SignInThrottleProperties props) {
    this.props = props;
    int max = props.maxEntries();
    this.failures =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > max;
          }
        };
  }

  /** For tests: a clock they move instead of sleeping. */
  public void useClock(InstantSource clock) {
    this.clock = clock;
  }

  /** How long sign-in stays locked for this username or address; zero when it is open. */
  public synchronized Duration lockedFor(String username, String address) {
    Instant now = clock.instant();
    Duration account = remaining(accountKey(username), now);
    Duration client = remaining(addressKey(address), now);
    return account.compareTo(client) >= 0 ? account : client;
  }

  /** Counts a failure for both keys; returns the lock it starts, zero when none. */
  public synchronized Duration failed(String username, String address) {
    Instant now = clock.instant();
    Duration account = count(accountKey(username), props.freeFailuresPerAccount(), now);
    Duration client = count(addressKey(address), props.freeFailuresPerAddress(), now);
    return account.compareTo(client) >= 0 ? account : client;
  }

  /** A correct password clears the account's count; the address keeps its own. */
  public synchronized void succeeded(String username) {
    failures.remove(accountKey(username));
  }

  private Duration remaining(String key, Instant now) {
    Failures f = failures.get(key);
    if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, f.lockedUntil());
  }

  private Duration count(String key, int free, Instant now) {
    Failures before = failures.get(key);
    int count =
        before == null || before.last().plus(props.forgetAfter()).isBefore(now)
            ? 1
            : before.count() + 1;
    Duration lock = count <= free ? Duration.ZERO : delay(count - free);
    failures.put(key, new Failures(count, now, lock.isZero() ? null : now.plus(lock)));
    return lock;
  }

  /** The n-th lock (from 1): firstDelay doubled n-1 times, capped at maxDelay. */
  private Duration delay(int n) {
    Duration d = props.firstDelay();
    for (int i = 1; i < n && d.compareTo(props.maxDelay()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(props.maxDelay()) > 0 ? props.maxDelay() : d;
  }

  public static String normalize(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  private static String accountKey(String username) {
    String u = normalize(username);
    return "u:" + (u.length() > 200 ? u.substring(0, 200) : u);
  }

  private static String addressKey(String address) {
    return "a:" + (address == null ? "unknown" : address);
  }
}
