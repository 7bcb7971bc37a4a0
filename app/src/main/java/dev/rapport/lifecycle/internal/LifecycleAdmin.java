package dev.rapport.lifecycle.internal;

import dev.rapport.access.AuditLog;
import dev.rapport.lifecycle.CountsAs;
import dev.rapport.lifecycle.LifecycleModel;
import dev.rapport.lifecycle.ProductLine;
import dev.rapport.lifecycle.Stage;
import dev.rapport.lifecycle.StageOwner;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits the workspace's lifecycle models: choose the active one, rename, re-own, reorder and add
 * stages, add product lines. Stages are never deleted, so every history row keeps its stage.
 */
@Service
@Transactional
class LifecycleAdmin {

  static final int MAX_NAME = 80;

  private final LifecycleStore store;
  private final AuditLog audit;

  LifecycleAdmin(LifecycleStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  LifecycleModel model(long modelId) {
    return store.models().stream()
        .filter(m -> m.id() == modelId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("lifecycle model", modelId));
  }

  LifecycleModel activate(long modelId) {
    LifecycleModel before =
        store.models().stream().filter(LifecycleModel::active).findFirst().orElse(null);
    LifecycleModel chosen = model(modelId);
    store.activate(modelId);
    audit.record(
        "lifecycle_model",
        modelId,
        AuditLog.Action.UPDATE,
        before == null ? null : Map.of("activeModel", before.name()),
        Map.of("activeModel", chosen.name()));
    return model(modelId);
  }

  Stage updateStage(long stageId, String name, StageOwner owner, CountsAs countsAs) {
    Stage before = store.stagesById().get(stageId);
    if (before == null) {
      throw new NotFoundException("stage", stageId);
    }
    String newName = name == null ? before.name() : checkName(name, before.modelId(), stageId);
    store.updateStage(
        stageId,
        newName,
        owner == null ? before.owner() : owner,
        countsAs == null ? before.countsAs() : countsAs);
    Stage after = store.stagesById().get(stageId);
    audit.record("lifecycle_stage", stageId, AuditLog.Action.UPDATE, before, after);
    return after;
  }

  /** Puts the model's stages in the given order; the list must name each stage exactly once. */
  LifecycleModel reorder(long modelId, List<Long> stageIds) {
    LifecycleModel model = model(modelId);
    List<Long> current = model.stages().stream().map(Stage::id).toList();
    if (stageIds.size() != current.size()
        || !new HashSet<>(stageIds).equals(new HashSet<>(current))) {
      throw InvalidInputException.of(
          "stageIds", "must name each of the model's stages " + current + " exactly once");
    }
    for (int i = 0; i < stageIds.size(); i++) {
      store.setPosition(stageIds.get(i), i + 1);
    }
    audit.record(
        "lifecycle_model",
        modelId,
        AuditLog.Action.UPDATE,
        Map.of("stageOrder", current),
        Map.of("stageOrder", stageIds));
    return model(modelId);
  }

  /** Moves one stage a step up (-1) or down (+1), for the keyboard-friendly settings page. */
  LifecycleModel shift(long stageId, int step) {
    Stage stage = store.stagesById().get(stageId);
    if (stage == null) {
      throw new NotFoundException("stage", stageId);
    }
    List<Long> order =
        new ArrayList<>(model(stage.modelId()).stages().stream().map(Stage::id).toList());
    int at = order.indexOf(stageId);
    int to = Math.max(0, Math.min(order.size() - 1, at + step));
    order.remove(at);
    order.add(to, stageId);
    return reorder(stage.modelId(), order);
  }

  /** Adds a stage at a 1-based position (the end when null), shifting later stages down. */
  Stage addStage(long modelId, String name, StageOwner owner, CountsAs countsAs, Integer position) {
    LifecycleModel model = model(modelId);
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    if (owner == null) {
      errors.add(new InvalidInputException.FieldError("owner", "is required"));
    }
    if (countsAs == null) {
      errors.add(new InvalidInputException.FieldError("countsAs", "is required"));
    }
    int size = model.stages().size();
    if (position != null && (position < 1 || position > size + 1)) {
      errors.add(
          new InvalidInputException.FieldError(
              "position", "must be between 1 and " + (size + 1) + ", was " + position));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String checked = checkName(name, modelId, null);
    int pos = position == null ? size + 1 : position;
    List<Stage> stages = model.stages();
    for (int i = pos - 1; i < stages.size(); i++) {
      store.setPosition(stages.get(i).id(), i + 2);
    }
    long id = store.insertStage(modelId, checked, pos, owner, countsAs);
    Stage created = store.stagesById().get(id);
    audit.record("lifecycle_stage", id, AuditLog.Action.CREATE, null, created);
    return created;
  }

  ProductLine addProductLine(String name) {
    String checked = name == null ? "" : name.strip();
    if (checked.isEmpty()) {
      throw InvalidInputException.of("name", "is required");
    }
    if (checked.length() > MAX_NAME) {
      throw InvalidInputException.of("name", "is longer than " + MAX_NAME + " characters");
    }
    boolean taken =
        store.productLines().values().stream().anyMatch(p -> p.name().equalsIgnoreCase(checked));
    if (taken) {
      throw InvalidInputException.of("name", "a product line named '" + checked + "' exists");
    }
    long id = store.insertProductLine(checked, Instant.now());
    ProductLine created = new ProductLine(id, checked);
    audit.record("product_line", id, AuditLog.Action.CREATE, null, created);
    return created;
  }

  private String checkName(String name, long modelId, Long exceptStageId) {
    String checked = name == null ? "" : name.strip();
    if (checked.isEmpty()) {
      throw InvalidInputException.of("name", "is required");
    }
    if (checked.length() > MAX_NAME) {
      throw InvalidInputException.of(
          "name", "is longer than " + MAX_NAME + " characters (" + checked.length() + ")");
    }
    String folded = checked.toLowerCase(Locale.ROOT);
    boolean taken =
        model(modelId).stages().stream()
            .anyMatch(
                s ->
                    !Long.valueOf(s.id()).equals(exceptStageId)
                        && s.name().toLowerCase(Locale.ROOT).equals(folded));
    if (taken) {
      throw InvalidInputException.of(
          "name", "the model already has a stage named '" + checked + "'");
    }
    return checked;
  }
}
