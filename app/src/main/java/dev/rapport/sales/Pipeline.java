package dev.rapport.sales;

import java.util.List;
import java.util.Optional;

/** A sales pipeline with its stages in order (the open ones, then Won and Lost). */
public record Pipeline(
    long id, String name, int position, boolean isDefault, List<PipelineStage> stages) {

  public Pipeline {
    stages = List.copyOf(stages);
  }

  public Optional<PipelineStage> stage(long stageId) {
    return stages.stream().filter(s -> s.id() == stageId).findFirst();
  }

  /** The closing stage for an outcome. */
  public Optional<PipelineStage> closing(DealStatus outcome) {
    return stages.stream().filter(s -> s.outcome() == outcome).findFirst();
  }

  public List<PipelineStage> openStages() {
    return stages.stream().filter(PipelineStage::open).toList();
  }
}
