package dev.rapport.access.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling under {@code rapport.sign-in.*}: after {@code freeFailuresPerAccount} wrong
 * passwords for one username (or {@code freeFailuresPerAddress} from one client address) every
 * further failure locks sign-in for {@code firstDelay}, doubling up to {@code maxDelay}; a key with
 * no failure for {@code forgetAfter} starts again. At most {@code maxEntries} keys are remembered.
 */
@ConfigurationProperties("rapport.sign-in")
record SignInThrottleProperties(
    @DefaultValue("5") int freeFailuresPerAccount,
    @DefaultValue("20") int freeFailuresPerAddress,
    @DefaultValue("1s") Duration firstDelay,
    @DefaultValue("15m") Duration maxDelay,
    @DefaultValue("1h") Duration forgetAfter,
    @DefaultValue("100000") int maxEntries) {

  SignInThrottleProperties {
    if (freeFailuresPerAccount < 1 || freeFailuresPerAddress < 1 || maxEntries < 100) {
      throw new IllegalArgumentException(
          "rapport.sign-in: free failures must be at least 1 and max-entries at least 100");
    }
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "rapport.sign-in: first-delay must be positive and max-delay at least first-delay");
    }
  }
}
