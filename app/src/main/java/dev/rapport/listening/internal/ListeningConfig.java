package dev.rapport.listening.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Wires the engine's matcher and readers as the {@link PostClassifier}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ListeningProperties.class)
class ListeningConfig {

  @Bean
  EngineClassifier engineClassifier(ObjectMapper json, IngestMetrics metrics) {
    return new EngineClassifier(json, metrics.match(), metrics.read());
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
