package dev.rapport.workspace;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, version and description, read at /api/v1/openapi.json. */
@Configuration
class ApiDocs {

  @Bean
  OpenAPI rapportApi(@Value("${rapport.version:0.1.0}") String version) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Rapport API")
                .version(version)
                .description(
                    "The REST API of Rapport, the open-source social CRM: persons, accounts and"
                        + " social identities, timelines, lifecycle stages, listening sources,"
                        + " rules and mentions, users, teams, tokens and the audit log. Sign in"
                        + " with an API token ('Authorization: Bearer rpt_...') or HTTP Basic."
                        + " Errors are Problem Details (RFC 9457) naming each field."));
  }
}
