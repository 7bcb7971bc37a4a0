package dev.rapport.listening.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Demo mode (profile {@code demo} or {@code rapport.demo=true}): on first start, adds a few keyword
 * rules, three brand tags and a file source that replays the shipped sample corpus through the real
 * pipeline.
 */
@Component
class ListeningDemo implements ApplicationRunner {

  static final String SOURCE = "Demo sample posts";
  private static final Logger log = LoggerFactory.getLogger(ListeningDemo.class);

  private final Environment env;
  private final SourceStore store;
  private final SourceAdmin admin;
  private final ListeningRules rules;
  private final ObjectMapper json;
  private final BrandTags brandTags;

  ListeningDemo(
      Environment env,
      SourceStore store,
      SourceAdmin admin,
      ListeningRules rules,
      ObjectMapper json,
      BrandTags brandTags) {
    this.brandTags = brandTags;
    this.env = env;
    this.store = store;
    this.admin = admin;
    this.rules = rules;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean demo =
        env.acceptsProfiles(Profiles.of("demo"))
            || env.getProperty("rapport.demo", Boolean.class, false);
    if (!demo || store.byName(SOURCE).isPresent()) {
      return;
    }
    if (rules.all().isEmpty()) {
      Map<String, String> demoRules = new LinkedHashMap<>();
      demoRules.put("Brand: Rapport", "rapport");
      demoRules.put("Category: social CRM", "social crm, crm, #sociallistening, social listening");
      demoRules.put("Care: churn and complaints", "churn, frustrated, duplicate mentions");
      demoRules.put("Sales: buying signals", "pricing, recommendations, evaluated, switching crm");
      demoRules.put("Life events: new job", "new job, head of community");
      rules.createAll(demoRules);
    }
    // brand tags before the replay, so the sample posts carrying them are counted
    if (brandTags.all().isEmpty()) {
      brandTags.create("#SocialListening", "HASHTAG");
      brandTags.create("#CRM", "HASHTAG");
      brandTags.create("#CustomerSuccess", "PRODUCT");
    }
    admin.create(
        SOURCE,
        "FILE",
        json.readTree("{\"path\":\"classpath:samples/posts.jsonl\",\"format\":\"jsonl\"}"),
        86_400);
    log.info("demo: replaying the sample corpus through source '{}'", SOURCE);
  }
}
