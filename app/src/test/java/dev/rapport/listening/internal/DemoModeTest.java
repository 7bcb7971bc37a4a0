package dev.rapport.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.support.PersistenceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.ObjectMapper;

@PersistenceTest
class DemoModeTest {

  @Autowired SourceStore store;
  @Autowired SourceAdmin admin;
  @Autowired ListeningRules rules;
  @Autowired ObjectMapper json;
  @Autowired BrandTags brandTags;

  @Test
  void demoModeReplaysTheSampleCorpusOnceThroughTheRealPipeline() {
    MockEnvironment env = new MockEnvironment().withProperty("rapport.demo", "true");
    ListeningDemo demo = new ListeningDemo(env, store, admin, rules, json, brandTags);
    demo.run(null);
    demo.run(null);
    Source source = store.byName(ListeningDemo.SOURCE).orElseThrow();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "403".equals(store.get(source.id()).cursor()));
    Source done = store.get(source.id());
    assertThat(done.rejectedTotal()).isEqualTo(3);
    assertThat(done.postsTotal()).isEqualTo(400);
    assertThat(done.mentionsTotal() + done.unmatchedTotal()).isEqualTo(400);
    assertThat(store.all().stream().filter(s -> s.name().equals(ListeningDemo.SOURCE))).hasSize(1);
  }
}
