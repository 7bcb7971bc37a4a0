package dev.rapport.people.internal;

import dev.rapport.shared.TextChecks;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import from start to end: reads the header and maps columns, then reads rows in chunks of
 * {@value #CHUNK}; each chunk is checked and written in its own transaction, so a rejected row
 * changes nothing and the other rows go on. The job's counts are written in the chunk's
 * transaction, so after a crash they say exactly which rows are stored (the first {@code
 * processed}); {@link ImportJobs} marks such a job interrupted on the next start.
 */
final class ImportRun {

  /** What every run needs. */
  record Parts(
      JdbcClient jdbc,
      JdbcTemplate template,
      TransactionTemplate transactions,
      Map<String, ImportKind> kinds) {}

  static final int CHUNK = 1000;
  private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

  private final Parts parts;
  private final String jobId;
  private final ImportJobs.Request request;
  private final ImportKind kind;
  private final Path file;
  private final Map<String, Integer> keys = new HashMap<>();
  private int processed;
  private int created;
  private int updated;
  private int rejected;

  ImportRun(Parts parts, String jobId, ImportJobs.Request request, ImportKind kind, Path file) {
    this.parts = parts;
    this.jobId = jobId;
    this.request = request;
    this.kind = kind;
    this.file = file;
  }

  void run() {
    parts
        .jdbc()
        .sql("update import_job set status = 'running' where id = :id")
        .param("id", jobId)
        .update();
    try (CsvRows rows =
        new CsvRows(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      CsvRows.Row header = rows.next();
      if (header == null) {
        finish("failed", "the file is empty; the first row must name the columns");
        return;
      }
      if (header.isMalformed()) {
        finish("failed", "row 1 (header) is malformed: " + header.malformed());
        return;
      }
      List<ImportRow.Problem> headerProblems = new ArrayList<>();
      String[] plan = plan(header.fields(), headerProblems);
      saveProblems(headerProblems);
      String keyField = keyField();
      if (!java.util.Arrays.asList(plan).contains(keyField)) {
        finish(
            "failed",
            "the dedupe key " + request.dedupeKey() + " needs a column mapped to " + keyField);
        return;
      }
      List<ImportRow> chunk = new ArrayList<>(CHUNK);
      List<ImportRow.Problem> malformed = new ArrayList<>();
      CsvRows.Row row;
      while ((row = rows.next()) != null) {
        ImportRow r = toImportRow(row, header.fields(), plan, malformed);
        if (r != null) {
          chunk.add(r);
        }
        if (chunk.size() + malformed.size() >= CHUNK) {
          flush(chunk, malformed);
        }
      }
      flush(chunk, malformed);
      finish("done", null);
    } catch (RuntimeException | java.io.IOException e) {
      log.warn("import {} failed", jobId, e);
      finish("failed", "the import stopped: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (java.io.IOException ignored) {
        // a temp file left behind is removed by the OS
      }
    }
  }

  private String keyField() {
    return switch (request.dedupeKey()) {
      case "domain" -> "domains";
      default -> request.dedupeKey();
    };
  }

  /** For each column, the field it fills, or null when ignored or unknown (reported on row 1). */
  private String[] plan(List<String> header, List<ImportRow.Problem> problems) {
    String[] plan = new String[header.size()];
    Map<String, String> taken = new HashMap<>();
    Map<String, String> mapping = new HashMap<>();
    request.mapping().forEach((c, f) -> mapping.put(c.strip(), f.strip().toLowerCase(Locale.ROOT)));
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i).strip();
      String field = mapping.get(column);
      if (field == null || field.isEmpty()) {
        field = guess(kind, column);
      }
      if (field == null) {
        problems.add(
            new ImportRow.Problem(
                1,
                column.isEmpty() ? "column " + (i + 1) : column,
                "unknown column; its values are not imported. Map it to one of "
                    + new TreeMap<>(kind.fields()).keySet()
                    + " or to ignore"));
      } else if (!field.equals("ignore")) {
        String other = taken.putIfAbsent(field, column);
        if (other != null) {
          problems.add(
              new ImportRow.Problem(
                  1,
                  column,
                  "maps to " + field + " like column '" + other + "'; it is not imported"));
        } else {
          plan[i] = field;
        }
      }
    }
    return plan;
  }

  /** The field a column name means without a mapping ("E-mail" is email), or null. */
  static String guess(ImportKind kind, String column) {
    String norm =
        column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    return kind.fields().containsKey(norm) ? norm : kind.aliases().get(norm);
  }

  private ImportRow toImportRow(
      CsvRows.Row row, List<String> header, String[] plan, List<ImportRow.Problem> malformed) {
    if (row.isMalformed()) {
      malformed.add(
          new ImportRow.Problem(row.number(), "row", "malformed row: " + row.malformed()));
      return null;
    }
    if (row.fields().size() != header.size()) {
      malformed.add(
          new ImportRow.Problem(
              row.number(),
              "row",
              "malformed row: expected "
                  + header.size()
                  + " fields as in the header, found "
                  + row.fields().size()));
      return null;
    }
    Map<String, String> values = new HashMap<>();
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < plan.length; i++) {
      if (plan[i] != null) {
        values.put(plan[i], row.fields().get(i));
        columns.put(plan[i], header.get(i).strip());
      }
    }
    ImportRow r = new ImportRow(row.number(), values, columns);
    r.newOwner = request.owner();
    values.forEach(
        (field, value) -> {
          int max = kind.fields().get(field);
          if (value != null && value.strip().length() > max) {
            r.reject(
                field, "value is " + value.strip().length() + " characters long; at most " + max);
          } else if (TextChecks.refusal(value) != null) {
            r.reject(field, TextChecks.refusal(value));
          }
        });
    // a refused value goes no further, not even into the lookups of existing keys: PostgreSQL
    // refuses a NUL in any statement, and with it the whole chunk of good rows
    values.replaceAll((field, value) -> TextChecks.refusal(value) == null ? value : null);
    return r;
  }

  private void flush(List<ImportRow> chunk, List<ImportRow.Problem> malformed) {
    if (chunk.isEmpty() && malformed.isEmpty()) {
      return;
    }
    Totals totals;
    if (request.dryRun()) {
      totals = record(chunk, malformed, kind.apply(chunk, request.dedupeKey(), true, keys));
    } else {
      try {
        // the rows, their problems and the job's counts commit together: after a crash the job
        // says exactly which rows are stored
        totals =
            parts
                .transactions()
                .execute(
                    s ->
                        record(
                            chunk, malformed, kind.apply(chunk, request.dedupeKey(), false, keys)));
      } catch (RuntimeException e) {
        log.warn("import {}: a chunk could not be stored", jobId, e);
        for (ImportRow r : chunk) {
          if (!r.isRejected()) {
            r.reject("row", "not stored, the database refused the chunk: " + e.getMessage());
          }
        }
        totals = record(chunk, malformed, new ImportKind.Counts(0, 0));
      }
    }
    processed = totals.processed();
    created = totals.created();
    updated = totals.updated();
    rejected = totals.rejected();
    chunk.clear();
    malformed.clear();
  }

  /** The job's counts after a chunk. */
  private record Totals(int processed, int created, int updated, int rejected) {}

  /** Saves the chunk's problems and the job's counts with it; returns the counts saved. */
  private Totals record(
      List<ImportRow> chunk, List<ImportRow.Problem> malformed, ImportKind.Counts counts) {
    List<ImportRow.Problem> problems = new ArrayList<>(malformed);
    int rejectedNow = malformed.size();
    for (ImportRow r : chunk) {
      problems.addAll(r.problems);
      if (r.isRejected()) {
        rejectedNow++;
      }
    }
    Totals t =
        new Totals(
            processed + chunk.size() + malformed.size(),
            created + counts.created(),
            updated + counts.updated(),
            rejected + rejectedNow);
    saveProblems(problems);
    parts
        .jdbc()
        .sql(
            "update import_job set processed = :p, created = :c, updated = :u, rejected = :r,"
                + " total_rows = greatest(total_rows, :p) where id = :id")
        .param("p", t.processed())
        .param("c", t.created())
        .param("u", t.updated())
        .param("r", t.rejected())
        .param("id", jobId)
        .update();
    return t;
  }

  private void saveProblems(List<ImportRow.Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    parts
        .template()
        .batchUpdate(
            "insert into import_error (job_id, row_no, field, reason) values (?, ?, ?, ?)",
            problems,
            500,
            (ps, p) -> {
              ps.setString(1, jobId);
              ps.setInt(2, p.row());
              ps.setString(3, Fields.shorten(p.field()));
              ps.setString(
                  4, p.reason().length() > 1000 ? p.reason().substring(0, 1000) : p.reason());
            });
  }

  private void finish(String status, String message) {
    parts
        .jdbc()
        .sql(
            "update import_job set status = :s, message = :m, finished_at = :now,"
                + " total_rows = case when :s = 'done' then processed else total_rows end"
                + " where id = :id")
        .param("s", status)
        .param("m", message)
        .param("now", Timestamp.from(Instant.now()))
        .param("id", jobId)
        .update();
  }
}
