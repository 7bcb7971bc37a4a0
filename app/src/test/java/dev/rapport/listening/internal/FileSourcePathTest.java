package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rapport.access.Role;
import dev.rapport.support.AccessFixtures;
import dev.rapport.support.PersistenceTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A FILE source reads from the imports directory or the shipped samples, nothing else: a path that
 * leaves them ({@code classpath:samples/../application.properties} was accepted) is refused when
 * the source is created, with a validation error naming {@code config.path}.
 */
@PersistenceTest
class FileSourcePathTest {

  @Autowired AccessFixtures access;

  @Test
  void aPathThatLeavesTheImportsDirectoryOrTheSamplesIsRefusedAtEntry() throws Exception {
    for (String path :
        List.of(
            "classpath:samples/../application.properties",
            "classpath:samples/..\\\\application.properties",
            "classpath:application.properties",
            "classpath:/samples/posts.jsonl",
            "../../etc/passwd",
            "sub/../../outside.jsonl",
            "/etc/passwd")) {
      MockHttpServletResponse r = create(path);
      assertThat(r.getStatus()).as(path).isEqualTo(400);
      assertThat(r.getContentAsString()).as(path).contains("\"field\":\"config.path\"");
    }
  }

  @Test
  void aShippedSampleIsAccepted() throws Exception {
    assertThat(create("classpath:samples/posts.jsonl").getStatus()).isEqualTo(201);
  }

  private MockHttpServletResponse create(String path) throws Exception {
    String body =
        "{\"name\":\"path-%s\",\"kind\":\"FILE\",\"pollSeconds\":86400,\"config\":{\"path\":\"%s\"}}"
            .formatted(UUID.randomUUID(), path);
    return access
        .mvc()
        .perform(
            post("/api/v1/sources")
                .with(access.as(Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn()
        .getResponse();
  }
}
