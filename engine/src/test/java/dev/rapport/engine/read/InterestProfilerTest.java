package dev.rapport.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterestProfilerTest {

  private final InterestProfiler profiler = InterestProfiler.create();

  @Test
  void taxonomyHasBetweenFortyAndEightyTopics() {
    assertThat(profiler.taxonomy())
        .hasSizeBetween(40, 80)
        .contains("music", "live_music", "karaoke", "travel", "football", "food", "pets");
  }

  @Test
  void topicsAreWeightedByTheShareOfPostsThatShowThem() {
    List<Interest> interests =
        profiler.profile(
            List.of(
                new InterestProfiler.Post("1", "Karaoke night with the live band, best gig ever"),
                new InterestProfiler.Post("2", "Flight to Lisbon booked, vacation mode"),
                new InterestProfiler.Post("3", "Singing karaoke again tonight 🎤"),
                new InterestProfiler.Post("4", "Hoy fuimos al concierto de karaoke")));
    Interest karaoke = interests.get(0);
    assertThat(karaoke.topic()).isEqualTo("karaoke");
    assertThat(karaoke.weight()).isEqualTo(2 / 3.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(karaoke.postIds()).containsExactly("1", "3");
    assertThat(interests).extracting(Interest::topic).contains("travel", "live_music");
  }

  @Test
  void noPostsMeanNoInterests() {
    assertThat(profiler.profile(List.of())).isEmpty();
  }
}
