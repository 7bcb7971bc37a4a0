package dev.rapport.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API accepts before any controller reads a request: JSON bodies without unknown fields or
 * trailing garbage, query strings of a sane length (answered as Problem Details naming {@code
 * query}), and Tomcat's own protocol errors as Problem Details instead of its HTML page.
 */
@Configuration
class RequestLimits implements WebMvcConfigurer {

  /** The longest query string answered; Tomcat reads request lines up to 64 KB to get here. */
  static final int MAX_QUERY = 8192;

  private final ObjectMapper json;

  RequestLimits(ObjectMapper json) {
    this.json = json;
  }

  /** Request bodies read into records refuse unknown fields and trailing tokens, by JSON path. */
  @Override
  @SuppressWarnings("removal")
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (int i = 0; i < converters.size(); i++) {
      if (converters.get(i) instanceof JacksonJsonHttpMessageConverter
          && json instanceof JsonMapper m) {
        JsonMapper strict =
            m.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        converters.set(i, new JacksonJsonHttpMessageConverter(strict));
      }
    }
  }

  @Bean
  QueryLengthFilter queryLengthFilter() {
    return new QueryLengthFilter(json);
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
              }
            });
  }

  /** Refuses over-long query strings with 414 before authentication or any controller runs. */
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  static final class QueryLengthFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    QueryLengthFilter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String query = request.getQueryString();
      if (query == null || query.length() <= MAX_QUERY) {
        chain.doFilter(request, response);
        return;
      }
      Problems.write(
          response,
          json,
          Problems.withErrors(
              Problems.of(
                  HttpStatus.URI_TOO_LONG,
                  "uri-too-long",
                  "Query too long",
                  "the query string is " + query.length() + " characters long"),
              List.of(
                  new InvalidInputException.FieldError(
                      "query",
                      "is "
                          + query.length()
                          + " characters long; at most "
                          + MAX_QUERY
                          + " are read"))));
    }
  }
}
