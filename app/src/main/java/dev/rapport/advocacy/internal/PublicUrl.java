package dev.rapport.advocacy.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where referral links point: {@code rapport.advocacy.public-url} when set (the address visitors
 * reach the workspace at), else the address of the current request, for display to its user.
 */
@Component
class PublicUrl {

  private final String configured;

  PublicUrl(@Value("${rapport.advocacy.public-url:}") String configured) {
    this.configured =
        configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  String base() {
    if (!configured.isBlank()) {
      return configured;
    }
    try {
      return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    } catch (IllegalStateException outsideARequest) {
      return "";
    }
  }
}
