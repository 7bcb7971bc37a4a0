package dev.rapport.access;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Until users live in the database: one admin, whose password comes from configuration or is
 * generated and printed once. No default password ships.
 */
@Configuration
class FirstAdmin {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(
      PasswordEncoder encoder,
      @Value("${rapport.admin.username:admin}") String username,
      @Value("${rapport.admin.password:}") String password) {
    String effective = password;
    if (effective.isBlank()) {
      byte[] bytes = new byte[12];
      new SecureRandom().nextBytes(bytes);
      effective = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      log.warn(
          "\n\n  Rapport created the admin user. Sign in at /login as '{}' with password: {}\n"
              + "  (set rapport.admin.password or RAPPORT_ADMIN_PASSWORD to choose it)\n",
          username,
          effective);
    }
    return new InMemoryUserDetailsManager(
        User.withUsername(username).password(encoder.encode(effective)).roles("ADMIN").build());
  }
}
