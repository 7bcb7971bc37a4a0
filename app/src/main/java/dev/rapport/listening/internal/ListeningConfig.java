package dev.rapport.listening.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the interim classifier as the {@link PostClassifier}; the integrator swaps it here. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ListeningProperties.class)
class ListeningConfig {

  /** INTERIM: replace with an adapter over the engine matcher and readers after merge. */
  @Bean
  KeywordRuleClassifier keywordRuleClassifier() {
    return new KeywordRuleClassifier();
  }

  @Bean
  UrlGuard urlGuard(ListeningProperties props) {
    return new UrlGuard(props.allowedHosts());
  }

  @Bean
  GuardedHttp guardedHttp(UrlGuard guard, ListeningProperties props) {
    return new GuardedHttp(guard, props.maxFetchBytes());
  }
}
