package dev.rapport.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Actors;
import dev.rapport.access.AuditLog;
import dev.rapport.access.RecordVisibility;
import dev.rapport.access.Role;
import dev.rapport.access.Team;
import dev.rapport.access.Users;
import dev.rapport.people.Network;
import dev.rapport.people.PersonId;
import dev.rapport.people.SocialIdentities.Author;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.AccessFixtures.TestUser;
import dev.rapport.support.PersistenceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Every way a person or account comes to be gives it an owner, so visibility protects it: the
 * creating user through the form and the API, the import's chosen owner or the importing user, and
 * listening's default owner (none when unset: visible to everyone).
 */
@PersistenceTest
class RecordOwnersTest {

  @Autowired AccessFixtures access;
  @Autowired JdbcClient jdbc;
  @Autowired Users users;
  @Autowired Actors actors;
  @Autowired RecordVisibility visibility;
  @Autowired IdentityStore identities;
  @Autowired PersonStore persons;
  @Autowired AccountStore accounts;
  @Autowired MergeProposals proposals;
  @Autowired Ids ids;
  @Autowired AuditLog audit;
  @Autowired Visible visible;
  @Autowired ApplicationEventPublisher events;

  final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aPersonOrAccountCreatedThroughTheApiBelongsToItsCreator() throws Exception {
    TestUser sales = access.user(Role.SALES);
    long person =
        id(
            api(
                sales,
                "/api/v1/persons",
                "{\"firstName\":\"Api\",\"lastName\":\"Owned" + run + "\"}"));
    long account = id(api(sales, "/api/v1/accounts", "{\"name\":\"Api Owned " + run + "\"}"));
    assertThat(owner("person", person)).isEqualTo(sales.id());
    assertThat(owner("account", account)).isEqualTo(sales.id());
  }

  @Test
  void aPersonCreatedThroughTheFormBelongsToItsCreator() throws Exception {
    TestUser marketing = access.user(Role.MARKETING);
    MockHttpServletResponse response =
        access
            .mvc()
            .perform(
                post("/persons")
                    .with(marketing.session())
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("firstName=Form&lastName=Owned" + run))
            .andReturn()
            .getResponse();
    assertThat(response.getRedirectedUrl()).startsWith("/persons/");
    long id = Long.parseLong(response.getRedirectedUrl().substring("/persons/".length()));
    assertThat(owner("person", id)).isEqualTo(marketing.id());
  }

  @Test
  void anImportedPersonBelongsToTheImportsOwnerOrElseTheImportingUser() throws Exception {
    Team team = access.team();
    TestUser importer = access.user(Role.MARKETING, team);
    TestUser teammate = access.user(Role.SALES, team);
    String csv = "first_name,last_name,email\nImp,Mine,mine." + run + "@imp.example\n";
    String csv2 = "first_name,last_name,email\nImp,Theirs,theirs." + run + "@imp.example\n";
    importCsv(importer, csv, null);
    importCsv(importer, csv2, teammate.id());
    assertThat(ownerByEmail("mine." + run + "@imp.example")).isEqualTo(importer.id());
    assertThat(ownerByEmail("theirs." + run + "@imp.example")).isEqualTo(teammate.id());
    // the import's owner is for new persons: an update leaves the owner as it was
    importCsv(importer, csv.replace("Imp,Mine", "Imp,Again"), teammate.id());
    assertThat(ownerByEmail("mine." + run + "@imp.example")).isEqualTo(importer.id());
  }

  @Test
  void anImportMayNotHandNewPersonsToAnotherTeamUnderTeamVisibility() throws Exception {
    TestUser admin = access.user(Role.ADMIN);
    Team team = access.team();
    TestUser importer = access.user(Role.MARKETING, team);
    TestUser stranger = access.user(Role.SALES, access.team());
    setPersonVisibility(admin, "team");
    try {
      MockHttpServletResponse refused =
          access
              .mvc()
              .perform(
                  multipart("/api/v1/imports")
                      .file(file("first_name,last_name,email\nA,B,ab." + run + "@imp.example\n"))
                      .param("kind", "persons")
                      .param("owner", Long.toString(stranger.id()))
                      .with(AccessFixtures.bearer(access.token(importer))))
              .andReturn()
              .getResponse();
      assertThat(refused.getStatus()).isEqualTo(400);
      assertThat(refused.getContentAsString()).contains("owner");
      String row =
          "first_name,last_name,email,owner_id\nRow,Owner,row."
              + run
              + "@imp.example,"
              + stranger.id()
              + "\n";
      String status = importCsv(importer, row, null);
      assertThat(status).contains("\"rejected\":1");
      assertThat(ownerByEmailOrNull("row." + run + "@imp.example")).isNull();
    } finally {
      setPersonVisibility(admin, "everyone");
    }
  }

  @Test
  void listeningAuthorsBelongToTheDefaultOwnerOrToNobodyWhenItIsUnset() {
    TestUser owner = access.user(Role.SALES);
    Owners configured = new Owners(actors, visibility, users, owner.username());
    SocialIdentitiesFacade withOwner = resolution(configured);
    SocialIdentitiesFacade unset = resolution(new Owners(actors, visibility, users, ""));

    List<PersonId> batch =
        withOwner.resolveAuthors(
            List.of(
                new Author(Network.MASTODON, "@a" + run + "@x.social", null, "A B", null, null),
                new Author(Network.MASTODON, "@c" + run + "@x.social", null, "C D", null, null)));
    PersonId single =
        withOwner.resolveAuthor(Network.BLUESKY, "e" + run + ".bsky.social", null, "E", null, null);
    PersonId unowned =
        unset.resolveAuthor(Network.BLUESKY, "f" + run + ".bsky.social", null, "F", null, null);
    List<PersonId> unownedBatch =
        unset.resolveAuthors(
            List.of(new Author(Network.MASTODON, "@g" + run + "@x.social", null, "G", null, null)));

    assertThat(batch).allSatisfy(p -> assertThat(owner("person", p.value())).isEqualTo(owner.id()));
    assertThat(owner("person", single.value())).isEqualTo(owner.id());
    assertThat(owner("person", unowned.value())).isNull();
    assertThat(owner("person", unownedBatch.get(0).value())).isNull();
  }

  private SocialIdentitiesFacade resolution(Owners owners) {
    PersonService service =
        new PersonService(persons, accounts, ids, audit, visible, events, proposals, jdbc, owners);
    return new SocialIdentitiesFacade(identities, persons, service, proposals, ids, audit, owners);
  }

  // ---- helpers ----

  private String importCsv(TestUser user, String csv, Long owner) throws Exception {
    var request =
        multipart("/api/v1/imports")
            .file(file(csv))
            .param("kind", "persons")
            .with(AccessFixtures.bearer(access.token(user)));
    if (owner != null) {
      request.param("owner", owner.toString());
    }
    MockHttpServletResponse started = access.mvc().perform(request).andReturn().getResponse();
    assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
    String location = started.getHeader("Location");
    String token = access.token(user);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> get(location, token).contains("\"finishedAt\":\""));
    return get(location, token);
  }

  private String get(String path, String token) throws Exception {
    return access
        .mvc()
        .perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(AccessFixtures.bearer(token)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static MockMultipartFile file(String csv) {
    return new MockMultipartFile(
        "file", "owners.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private String api(TestUser user, String path, String json) throws Exception {
    MockHttpServletResponse r =
        access
            .mvc()
            .perform(
                post(path)
                    .with(AccessFixtures.bearer(access.token(user)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    return r.getContentAsString();
  }

  private void setPersonVisibility(TestUser admin, String level) throws Exception {
    int status =
        access
            .mvc()
            .perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/visibility/person")
                    .with(AccessFixtures.bearer(access.token(admin)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"level\":\"" + level + "\"}"))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(200);
  }

  private static long id(String body) {
    return Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));
  }

  private Long owner(String table, long id) {
    return jdbc.sql("select owner_user_id from " + table + " where id = :id")
        .param("id", id)
        .query((rs, n) -> java.util.Optional.ofNullable((Number) rs.getObject(1)))
        .single()
        .map(Number::longValue)
        .orElse(null);
  }

  private Long ownerByEmail(String email) {
    Long owner = ownerByEmailOrNull(email);
    assertThat(owner).as("owner of " + email).isNotNull();
    return owner;
  }

  private Long ownerByEmailOrNull(String email) {
    return jdbc.sql(
            "select p.owner_user_id from person p join person_email e on e.person_id = p.id"
                + " where e.email = :e")
        .param("e", email)
        .query((rs, n) -> java.util.Optional.ofNullable((Number) rs.getObject(1)))
        .optional()
        .flatMap(o -> o)
        .map(Number::longValue)
        .orElse(null);
  }
}
