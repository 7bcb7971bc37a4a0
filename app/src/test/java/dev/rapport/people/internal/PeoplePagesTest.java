package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@PersistenceTest
class PeoplePagesTest {

  @Autowired AccessFixtures fixtures;

  @Autowired WebApplicationContext context;
  @Autowired PersonService persons;
  @Autowired AccountService accounts;
  @Autowired ImportJobs jobs;
  MockMvc mvc;
  final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void setUp() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
  }

  MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder r) {
    return r.with(fixtures.as(Role.ADMIN));
  }

  @Test
  void aPersonsPageShowsFactsIdentitiesFitAndLoadsTimelineAndStagePanels() throws Exception {
    long account =
        accounts.create(
            new AccountDraft(
                "Page Co " + run,
                List.of("page" + run + ".example"),
                "Software",
                200,
                "Paris, France",
                null));
    long id =
        persons
            .create(
                new PersonDraft(
                    "Pia",
                    "<b>Page</b>" + run,
                    List.of("pia@page" + run + ".example"),
                    List.of(),
                    "Head of Data",
                    account,
                    null,
                    List.of("vip"),
                    true,
                    "consent"),
                "test")
            .value();
    mvc.perform(admin(get("/persons/" + id)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("&lt;b&gt;Page&lt;/b&gt;" + run)))
        .andExpect(content().string(not(containsString("<b>Page</b>"))))
        .andExpect(content().string(containsString("hx-get=\"/timeline/persons/" + id + "\"")))
        .andExpect(
            content().string(containsString("hx-get=\"/lifecycle/persons/" + id + "/panel\"")))
        .andExpect(content().string(containsString("id=\"identities\"")))
        .andExpect(content().string(containsString("100 / 100")));
    mvc.perform(admin(get("/accounts/" + account)))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("hx-get=\"/timeline/accounts/" + account + "\"")));
    mvc.perform(admin(get("/persons?q=page" + run)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/persons/" + id)));
    mvc.perform(admin(get("/search?q=page" + run)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/persons/" + id)))
        .andExpect(content().string(containsString("/accounts/" + account)));
    mvc.perform(admin(get("/persons/999999999"))).andExpect(status().isNotFound());
  }

  @Test
  void theFormsCreateAndRefuseWithTheReason() throws Exception {
    mvc.perform(admin(get("/persons/new"))).andExpect(status().isOk());
    mvc.perform(
            admin(post("/persons"))
                .with(csrf())
                .param("lastName", "Form" + run)
                .param("emails", "form" + run + "@x.example, second" + run + "@x.example")
                .param("tags", "a, b"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            admin(post("/persons")).with(csrf()).param("lastName", "Bad").param("emails", "nope"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(containsString("emails[0]: &#39;nope&#39; is not a valid email address")));
    mvc.perform(admin(post("/accounts")).with(csrf()).param("name", "Form Co " + run))
        .andExpect(status().is3xxRedirection());
    mvc.perform(admin(get("/accounts?q=form co " + run)))
        .andExpect(content().string(containsString("Form Co " + run)));
  }

  @Test
  void anImportIsMappedStartedAndShowsItsProgressBar() throws Exception {
    MockMultipartFile file =
        new MockMultipartFile(
            "file",
            "people.csv",
            "text/csv",
            ("Vorname,Nachname,E-Mail\nUli,Map" + run + ",uli" + run + "@map.example\n")
                .getBytes(StandardCharsets.UTF_8));
    String page =
        mvc.perform(
                multipart("/imports/preview")
                    .file(file)
                    .with(fixtures.as(Role.ADMIN))
                    .with(csrf())
                    .param("kind", "persons"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("name=\"map.Vorname\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
    String location =
        mvc.perform(
                admin(post("/imports/start"))
                    .with(csrf())
                    .param("token", token)
                    .param("map.Vorname", "first_name")
                    .param("map.Nachname", "last_name")
                    .param("map.E-Mail", "email")
                    .param("dedupeKey", "email"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String id = location.substring(location.lastIndexOf('/') + 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> jobs.status(id).isFinished());
    assertThat(jobs.status(id).created()).isEqualTo(1);
    mvc.perform(admin(get("/imports/" + id)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<progress")))
        .andExpect(content().string(containsString("1 created")));
    mvc.perform(admin(get("/imports/" + id + "/progress")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"progress\"")))
        .andExpect(content().string(not(containsString("<html"))));
    mvc.perform(admin(get("/imports"))).andExpect(status().isOk());
  }

  @Test
  void theIcpAndMergePagesRender() throws Exception {
    mvc.perform(admin(get("/settings/icp")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"threshold\"")));
    mvc.perform(admin(get("/merges"))).andExpect(status().isOk());
    mvc.perform(get("/persons")).andExpect(status().isUnauthorized());
  }
}
