package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@PersistenceTest
class PeopleApiTest {

  @Autowired AccessFixtures fixtures;

  @Autowired WebApplicationContext context;
  @Autowired JdbcClient jdbc;
  MockMvc mvc;
  String run;

  @BeforeEach
  void setUp() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
    return request.with(fixtures.as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON);
  }

  long createPerson(String first, String last, String email, String title, String tag)
      throws Exception {
    String body =
        """
        {"firstName":"%s","lastName":"%s","emails":["%s"],"title":"%s","tags":["%s"],
         "mayContact":true,"consentBasis":"consent"}
        """
            .formatted(first, last, email, title, tag);
    String location =
        mvc.perform(admin(post("/api/v1/persons")).content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void aPersonIsCreatedReadChangedAndDeletedWithAnAuditRowForEachChange() throws Exception {
    long id = createPerson("Ana", "Lima", "ana." + run + "@acme.example", "Head of Marketing", run);
    mvc.perform(admin(get("/api/v1/persons/" + id)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Ana Lima"))
        .andExpect(jsonPath("$.emails[0]").value("ana." + run + "@acme.example"))
        .andExpect(jsonPath("$.consentBasis").value("consent"))
        .andExpect(jsonPath("$.fit.score").isNumber());
    mvc.perform(
            admin(put("/api/v1/persons/" + id))
                .content(
                    """
                    {"firstName":"Ana","lastName":"Lima-Souza","emails":["ana.%s@acme.example"],
                     "title":"VP Marketing","tags":["%s"],"mayContact":false}
                    """
                        .formatted(run, run)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Ana Lima-Souza"))
        .andExpect(jsonPath("$.mayContact").value(false));
    mvc.perform(admin(delete("/api/v1/persons/" + id))).andExpect(status().isNoContent());
    mvc.perform(admin(get("/api/v1/persons/" + id))).andExpect(status().isNotFound());
    var actions =
        jdbc.sql(
                "select action from audit_log where object_type = 'person' and object_id = :id"
                    + " order by id")
            .param("id", String.valueOf(id))
            .query(String.class)
            .list();
    assertThat(actions).containsExactly("CREATE", "UPDATE", "DELETE");
  }

  @Test
  void listsArePagedSortedAndFiltered() throws Exception {
    createPerson("Carla", "Zed", "c." + run + "@x.example", "Engineer", run);
    createPerson("Bruno", "Alpha", "b." + run + "@x.example", "Director", run);
    createPerson("Dora", "Mid", "d." + run + "@x.example", "Engineer", run);
    createPerson("Other", "Tagless", "o." + run + "@x.example", "Engineer", "elsewhere" + run);
    mvc.perform(admin(get("/api/v1/persons?tag=" + run + "&sort=name,asc&size=2&page=0")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.items[*].lastName", contains("Alpha", "Zed")));
    mvc.perform(admin(get("/api/v1/persons?tag=" + run + "&sort=name,desc&size=2&page=1")))
        .andExpect(jsonPath("$.items[*].lastName", contains("Alpha")));
    mvc.perform(admin(get("/api/v1/persons?tag=" + run + "&q=director")))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].firstName").value("Bruno"));
  }

  @Test
  void badInputIsAProblemDetailNamingTheFieldAndTheReason() throws Exception {
    mvc.perform(
            admin(post("/api/v1/persons"))
                .content("{\"lastName\":\"X\",\"emails\":[\"not-an-email\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.errors[0].field").value("emails[0]"))
        .andExpect(
            jsonPath("$.errors[0].reason").value("'not-an-email' is not a valid email address"));
    mvc.perform(admin(get("/api/v1/persons?sort=password")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(admin(get("/api/v1/persons?size=5000")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(admin(post("/api/v1/accounts")).content("{\"domains\":[\"acme .com\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
        .andExpect(jsonPath("$.errors[*].field", hasItem("domains[0]")));
  }

  @Test
  void anEmailThatBelongsToSomeoneElseIsRefused() throws Exception {
    createPerson("Eve", "One", "eve." + run + "@x.example", "Engineer", run);
    mvc.perform(
            admin(post("/api/v1/persons"))
                .content("{\"lastName\":\"Two\",\"emails\":[\"EVE." + run + "@x.example\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("emails[0]"));
  }

  @Test
  void anUnknownPersonIsNotFoundAndAViewerCannotWrite() throws Exception {
    mvc.perform(admin(get("/api/v1/persons/987654321")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
    mvc.perform(
            post("/api/v1/persons")
                .with(fixtures.as(Role.VIEWER))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lastName\":\"X\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void accountsAreCreatedListedAndLinkedToPersons() throws Exception {
    String location =
        mvc.perform(
                admin(post("/api/v1/accounts"))
                    .content(
                        "{\"name\":\"Acme "
                            + run
                            + "\",\"domains\":[\"acme-"
                            + run
                            + ".example\"],\"industry\":\"Software\",\"employees\":300,"
                            + "\"location\":\"Berlin, Germany\"}"))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    long account = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    mvc.perform(
            admin(post("/api/v1/persons"))
                .content(
                    "{\"lastName\":\"Worker\",\"title\":\"Head of Sales\",\"accountId\":"
                        + account
                        + "}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.accountName").value("Acme " + run))
        .andExpect(jsonPath("$.fit.score").value(100))
        .andExpect(jsonPath("$.fit.stage").value("prospect"));
    mvc.perform(admin(get("/api/v1/persons?account=" + account)))
        .andExpect(jsonPath("$.total").value(1));
    mvc.perform(admin(get("/api/v1/accounts?q=acme-" + run)))
        .andExpect(jsonPath("$.items[0].domains[0]").value("acme-" + run + ".example"));
  }
}
