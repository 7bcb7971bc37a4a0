package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The shipped demo corpus: a few hundred valid posts and the three deliberately broken ones. */
class SampleCorpusTest {

  @Test
  void sampleCorpusIsMostlyValidPostsInTheDocumentedFormat() throws IOException {
    ObjectMapper json = JsonMapper.builder().build();
    PostValidator validator = new PostValidator(16384);
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/samples/posts.jsonl")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    int valid = 0;
    int refused = 0;
    EngineClassifier classifier = new EngineClassifier(json);
    classifier.load(java.util.Map.of("1", "rapport, social crm, crm"));
    int matched = 0;
    for (String line : lines) {
      try {
        PostJson.Read read = PostJson.read(json.readTree(line), "", null);
        if (read.ok() && validator.check(read.post(), "", Instant.now()).isEmpty()) {
          valid++;
          matched += classifier.classify(read.post()).matched() ? 1 : 0;
        } else {
          refused++;
        }
      } catch (RuntimeException e) {
        refused++;
      }
    }
    assertThat(valid).isEqualTo(400);
    assertThat(refused).isEqualTo(3);
    assertThat(matched).isBetween(100, 300);
  }
}
