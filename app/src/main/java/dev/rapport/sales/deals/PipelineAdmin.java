package dev.rapport.sales.deals;

import dev.rapport.access.AuditLog;
import dev.rapport.sales.CloseReason;
import dev.rapport.sales.DealConflictException;
import dev.rapport.sales.DealStatus;
import dev.rapport.sales.ForecastCategory;
import dev.rapport.sales.Gate;
import dev.rapport.sales.Pipeline;
import dev.rapport.sales.PipelineStage;
import dev.rapport.shared.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pipeline, stage and close-reason administration: new pipelines come with their Won and Lost
 * stages; open stages are added, changed, reordered and deleted while no deal stands in them. Every
 * change is audited.
 */
@Service
class PipelineAdmin {

  /** A stage as an admin gives it; null parts keep their value on a change. */
  record StageInput(
      String name,
      Integer probability,
      ForecastCategory forecastCategory,
      Integer staleAfterDays,
      List<Integer> requiredGates,
      Integer position) {}

  private final PipelineStore store;
  private final AuditLog audit;

  PipelineAdmin(PipelineStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  @Transactional
  Pipeline create(String rawName, List<StageInput> stages) {
    DealInput in = new DealInput();
    String name = in.text("name", rawName, 120, true);
    if (name != null && store.pipelineNameTaken(name, null)) {
      in.fail("name", "a pipeline named '" + name + "' exists already");
    }
    List<StageInput> given = stages == null ? List.of() : stages;
    if (given.isEmpty()) {
      in.fail("stages", "give at least one open stage");
    }
    List<Object[]> checked = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      Object[] s = stage(in, "stages[" + i + "].", given.get(i), null);
      if (s[0] != null) {
        String n = ((String) s[0]).toLowerCase(java.util.Locale.ROOT);
        if (names.contains(n) || n.equals("won") || n.equals("lost")) {
          in.fail(
              "stages[" + i + "].name",
              "'" + s[0] + "' is used twice (Won and Lost come with every pipeline)");
        }
        names.add(n);
      }
      checked.add(s);
    }
    in.check();
    long id = store.insertPipeline(name, store.nextPipelinePosition());
    int position = 1;
    for (Object[] s : checked) {
      insert(id, s, position++);
    }
    store.insertStage(
        id, "Won", position++, 100, ForecastCategory.CLOSED, 3650, List.of(), DealStatus.WON);
    store.insertStage(
        id, "Lost", position, 0, ForecastCategory.CLOSED, 3650, List.of(), DealStatus.LOST);
    Pipeline p = store.find(id).orElseThrow();
    audit.record(
        "pipeline", id, AuditLog.Action.CREATE, null, Map.of("name", name, "stages", names));
    return p;
  }

  @SuppressWarnings("unchecked")
  private void insert(long pipelineId, Object[] s, int position) {
    store.insertStage(
        pipelineId,
        (String) s[0],
        position,
        (Integer) s[1],
        (ForecastCategory) s[2],
        (Integer) s[3],
        (List<Gate>) s[4],
        null);
  }

  /** Checks one stage's input; parts left null take the current stage's values. */
  private Object[] stage(DealInput in, String at, StageInput s, PipelineStage current) {
    if (s == null) {
      in.fail(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "must be a JSON object");
      return new Object[5];
    }
    String name =
        s.name() == null && current != null
            ? current.name()
            : in.text(at + "name", s.name(), 120, true);
    Integer probability =
        s.probability() == null && current != null ? current.probability() : s.probability();
    if (probability == null || probability < 0 || probability > 100) {
      in.fail(at + "probability", "must be a whole percentage from 0 to 100");
    }
    ForecastCategory category =
        s.forecastCategory() == null && current != null
            ? current.forecastCategory()
            : s.forecastCategory();
    if (category == null) {
      in.fail(at + "forecastCategory", "is required (PIPELINE, BEST_CASE or COMMIT)");
    } else if (category == ForecastCategory.CLOSED && (current == null || current.open())) {
      in.fail(at + "forecastCategory", "CLOSED belongs to the Won and Lost stages");
    }
    Integer stale =
        s.staleAfterDays() == null && current != null
            ? current.staleAfterDays()
            : s.staleAfterDays();
    if (stale == null || stale < 1 || stale > 3650) {
      in.fail(at + "staleAfterDays", "must be from 1 to 3650 days");
    }
    List<Gate> gates;
    if (s.requiredGates() == null) {
      gates = current == null ? List.of() : current.requiredGates();
    } else {
      gates = new ArrayList<>();
      for (int i = 0; i < s.requiredGates().size(); i++) {
        Integer g = s.requiredGates().get(i);
        if (g == null || Gate.of(g).isEmpty()) {
          in.fail(at + "requiredGates[" + i + "]", "must be a gate number from 1 to 6");
        } else {
          gates.add(Gate.of(g).get());
        }
      }
    }
    return new Object[] {name, probability, category, stale, gates};
  }

  @Transactional
  Pipeline rename(long id, String rawName, Boolean makeDefault) {
    Pipeline p = store.find(id).orElseThrow(() -> new NotFoundException("pipeline", id));
    DealInput in = new DealInput();
    String name = rawName == null ? p.name() : in.text("name", rawName, 120, true);
    if (name != null && store.pipelineNameTaken(name, id)) {
      in.fail("name", "a pipeline named '" + name + "' exists already");
    }
    in.check();
    store.renamePipeline(id, name);
    if (Boolean.TRUE.equals(makeDefault)) {
      store.makeDefault(id);
    }
    audit.record(
        "pipeline",
        id,
        AuditLog.Action.UPDATE,
        Map.of("name", p.name(), "default", p.isDefault()),
        Map.of("name", name, "default", p.isDefault() || Boolean.TRUE.equals(makeDefault)));
    return store.find(id).orElseThrow();
  }

  @Transactional
  Pipeline addStage(long pipelineId, StageInput s) {
    Pipeline p =
        store.find(pipelineId).orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
    DealInput in = new DealInput();
    Object[] checked = stage(in, "", s, null);
    if (checked[0] != null
        && p.stages().stream().anyMatch(x -> x.name().equalsIgnoreCase((String) checked[0]))) {
      in.fail("name", "pipeline '" + p.name() + "' has a stage '" + checked[0] + "' already");
    }
    in.check();
    List<PipelineStage> open = new ArrayList<>(p.openStages());
    int at =
        s.position() == null ? open.size() : Math.max(0, Math.min(open.size(), s.position() - 1));
    insert(pipelineId, checked, 0);
    Pipeline after = store.find(pipelineId).orElseThrow();
    PipelineStage added =
        after.stages().stream().filter(x -> x.name().equals(checked[0])).findFirst().orElseThrow();
    open.add(at, added);
    renumber(after, open);
    audit.record(
        "pipeline_stage",
        added.id(),
        AuditLog.Action.CREATE,
        null,
        Map.of("name", added.name(), "pipeline", p.name()));
    return store.find(pipelineId).orElseThrow();
  }

  private void renumber(Pipeline p, List<PipelineStage> open) {
    int position = 1;
    for (PipelineStage s : open) {
      store.setStagePosition(s.id(), position++);
    }
    for (PipelineStage s : p.stages()) {
      if (!s.open()) {
        store.setStagePosition(s.id(), position++);
      }
    }
  }

  @Transactional
  Pipeline changeStage(long pipelineId, long stageId, StageInput s) {
    Pipeline p =
        store.find(pipelineId).orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
    PipelineStage current =
        p.stage(stageId).orElseThrow(() -> new NotFoundException("stage", stageId));
    DealInput in = new DealInput();
    Object[] checked = stage(in, "", s, current);
    if (checked[0] != null
        && p.stages().stream()
            .anyMatch(x -> x.id() != stageId && x.name().equalsIgnoreCase((String) checked[0]))) {
      in.fail("name", "pipeline '" + p.name() + "' has a stage '" + checked[0] + "' already");
    }
    if (!current.open() && s.position() != null) {
      in.fail("position", "Won and Lost stay at the end");
    }
    in.check();
    @SuppressWarnings("unchecked")
    List<Gate> gates = (List<Gate>) checked[4];
    store.updateStage(
        stageId,
        (String) checked[0],
        (Integer) checked[1],
        (ForecastCategory) checked[2],
        (Integer) checked[3],
        gates);
    if (current.open() && s.position() != null) {
      List<PipelineStage> open = new ArrayList<>(p.openStages());
      open.removeIf(x -> x.id() == stageId);
      open.add(Math.max(0, Math.min(open.size(), s.position() - 1)), current);
      renumber(p, open);
    }
    audit.record(
        "pipeline_stage",
        stageId,
        AuditLog.Action.UPDATE,
        Map.of(
            "name",
            current.name(),
            "probability",
            current.probability(),
            "gates",
            PipelineStore.gates(current.requiredGates())),
        Map.of("name", checked[0], "probability", checked[1], "gates", PipelineStore.gates(gates)));
    return store.find(pipelineId).orElseThrow();
  }

  @Transactional
  Pipeline deleteStage(long pipelineId, long stageId) {
    Pipeline p =
        store.find(pipelineId).orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
    PipelineStage current =
        p.stage(stageId).orElseThrow(() -> new NotFoundException("stage", stageId));
    if (!current.open()) {
      throw new DealConflictException(
          "'" + current.name() + "' closes deals; every pipeline keeps it");
    }
    if (p.openStages().size() == 1) {
      throw new DealConflictException("'" + current.name() + "' is the pipeline's last open stage");
    }
    long deals = store.dealsInStage(stageId);
    if (deals > 0) {
      throw new DealConflictException(
          deals + " deal(s) stand in '" + current.name() + "'; move them before deleting it");
    }
    store.deleteStage(stageId);
    audit.record(
        "pipeline_stage", stageId, AuditLog.Action.DELETE, Map.of("name", current.name()), null);
    return store.find(pipelineId).orElseThrow();
  }

  @Transactional
  CloseReason addReason(DealStatus outcome, String rawLabel) {
    DealInput in = new DealInput();
    if (outcome == null || outcome == DealStatus.OPEN) {
      in.fail("outcome", "is required: WON or LOST");
    }
    String label = in.text("label", rawLabel, 200, true);
    if (!in.failed() && store.reasonTaken(outcome, label, null)) {
      in.fail("label", "'" + label + "' is on the list already");
    }
    in.check();
    long id = store.insertReason(outcome, label);
    audit.record(
        "deal_reason",
        id,
        AuditLog.Action.CREATE,
        null,
        Map.of("outcome", outcome.name(), "label", label));
    return store.reason(id).orElseThrow();
  }

  @Transactional
  CloseReason changeReason(long id, String rawLabel, Boolean active) {
    CloseReason r = store.reason(id).orElseThrow(() -> new NotFoundException("reason", id));
    DealInput in = new DealInput();
    String label = rawLabel == null ? r.label() : in.text("label", rawLabel, 200, true);
    if (!in.failed() && store.reasonTaken(r.outcome(), label, id)) {
      in.fail("label", "'" + label + "' is on the list already");
    }
    in.check();
    boolean on = active == null ? r.active() : active;
    store.updateReason(id, label, on);
    audit.record(
        "deal_reason",
        id,
        AuditLog.Action.UPDATE,
        Map.of("label", r.label(), "active", r.active()),
        Map.of("label", label, "active", on));
    return store.reason(id).orElseThrow();
  }
}
