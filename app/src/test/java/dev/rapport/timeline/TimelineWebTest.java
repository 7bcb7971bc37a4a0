package dev.rapport.timeline;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.people.PersonId;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import dev.rapport.support.TestRecords;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@PersistenceTest
class TimelineWebTest {

  @Autowired AccessFixtures fixtures;
  @Autowired TestRecords records;

  @BeforeEach
  void signInAsRoleUsers() {
    SUPPORT = fixtures.as(Role.SUPPORT);
    VIEWER = fixtures.as(Role.VIEWER);
  }

  RequestPostProcessor SUPPORT;
  RequestPostProcessor VIEWER;

  @Autowired WebApplicationContext context;
  @Autowired Timeline timeline;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  @Test
  void billingPostsAnInvoiceOnceAndReadsItBack() throws Exception {
    long account = records.account().value();
    String invoice =
        """
        {"kind": "invoice", "channel": "billing", "direction": "out",
         "occurredAt": "2026-02-01T10:00:00Z", "summary": "Invoice 2026-17",
         "source": {"type": "billing.invoice", "id": "2026-17-%d",
                    "url": "https://billing.example/invoices/2026-17"},
         "amount": 1200.10, "margin": "480.04", "currency": "eur"}
        """
            .formatted(account);
    mvc.perform(
            post("/api/v1/accounts/{id}/touchpoints", account)
                .with(SUPPORT)
                .contentType(MediaType.APPLICATION_JSON)
                .content(invoice))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.kind").value("invoice"))
        .andExpect(jsonPath("$.amount").value(1200.1))
        .andExpect(jsonPath("$.currency").value("EUR"))
        .andExpect(jsonPath("$.by").value(fixtures.username(Role.SUPPORT)));
    mvc.perform(
            post("/api/v1/accounts/{id}/touchpoints", account)
                .with(SUPPORT)
                .contentType(MediaType.APPLICATION_JSON)
                .content(invoice))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/accounts/{id}/touchpoints", account)
                .with(VIEWER)
                .param("kind", "invoice,order")
                .param("from", "2026-01-01T00:00:00Z"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].source.type").value("billing.invoice"))
        .andExpect(jsonPath("$.items[0].margin").value(480.04));
  }

  @Test
  void badPostsAreRefusedWithProblemDetailsNamingEachField() throws Exception {
    long person = records.person().value();
    mvc.perform(
            post("/api/v1/persons/{id}/touchpoints", person)
                .with(SUPPORT)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind": "fax", "channel": "email", "occurredAt": "yesterday",
                     "summary": 42, "source": {"type": "support.case", "url": "ftp://x"},
                     "amount": "lots", "colour": "red"}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(hasItems("kind", "occurredAt", "summary", "amount", "colour", "source.id")));
    mvc.perform(
            post("/api/v1/persons/{id}/touchpoints", person)
                .with(SUPPORT)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"kind": "case", "channel": "support", "occurredAt": "2026-01-01T00:00:00Z",
                     "summary": "Broken export", "currency": "EUR",
                     "source": {"type": "support.case", "id": "1", "url": "ftp://x"}}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(hasItems("currency", "source.url")));
    mvc.perform(
            post("/api/v1/persons/{id}/touchpoints", person)
                .with(SUPPORT)
                .contentType(MediaType.APPLICATION_JSON)
                .content("[1, 2"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    mvc.perform(
            get("/api/v1/persons/{id}/touchpoints", person)
                .with(VIEWER)
                .param("size", "500")
                .param("kind", "telegram"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(hasItems("size", "kind")));
    mvc.perform(
            post("/api/v1/persons/{id}/touchpoints", person)
                .with(VIEWER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/persons/{id}/touchpoints", person).with(VIEWER))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void theFragmentRendersTouchpointsAsTextNeverAsHtml() throws Exception {
    PersonId person = records.person();
    timeline.append(
        NewTouchpoint.of(
            person,
            null,
            TouchpointKind.POST,
            "x",
            Direction.IN,
            Instant.parse("2026-01-05T08:00:00Z"),
            null,
            "<img src=x onerror=alert(1)> love it",
            new SourceRef("test.post", "frag-" + person, "https://x.example/p/1")));

    mvc.perform(get("/timeline/persons/{id}", person.value()).with(VIEWER))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt; love it")))
        .andExpect(content().string(not(containsString("<img src=x"))))
        .andExpect(content().string(containsString("rel=\"noopener nofollow\"")))
        .andExpect(content().string(containsString("1 touchpoint<")));

    mvc.perform(
            post("/timeline/persons/{id}/notes", person.value())
                .with(SUPPORT)
                .with(csrf())
                .param("text", "Called back <b>today</b>"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Note added.")))
        .andExpect(content().string(containsString("Called back &lt;b&gt;today&lt;/b&gt;")));
    mvc.perform(
            post("/timeline/persons/{id}/notes", person.value())
                .with(SUPPORT)
                .with(csrf())
                .param("text", "   "))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("role=\"alert\"")))
        .andExpect(content().string(containsString("note: is required")));
    mvc.perform(
            post("/timeline/persons/{id}/notes", person.value())
                .with(VIEWER)
                .with(csrf())
                .param("text", "hi"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/timeline/persons/{id}", person.value()).param("kind", "note").with(VIEWER))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("1 touchpoint<")));
    mvc.perform(get("/timeline/accounts/{id}", records.account().value()).with(VIEWER))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Nothing here yet")));
    mvc.perform(get("/timeline/persons/{id}", person.value()).param("kind", "fax").with(VIEWER))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("kind")));
    mvc.perform(get("/timeline/persons/{id}", -3).with(VIEWER)).andExpect(status().isBadRequest());
  }
}
