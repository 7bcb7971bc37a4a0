package dev.rapport.people.internal;

import dev.rapport.access.Actors;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.NotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs CSV imports of persons and accounts in the background, one at a time, as the user who
 * started them. Public so the import benchmark in bench/ can drive the real service.
 */
@Service
public class ImportJobs {

  /**
   * What to import: kind (persons, accounts), dedupe key, dry run, column to field mapping, and the
   * owner of new records whose row names none (null: the importing user).
   */
  public record Request(
      String kind,
      String dedupeKey,
      boolean dryRun,
      Map<String, String> mapping,
      String fileName,
      Long owner) {
    public Request {
      mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }

    public Request(
        String kind,
        String dedupeKey,
        boolean dryRun,
        Map<String, String> mapping,
        String fileName) {
      this(kind, dedupeKey, dryRun, mapping, fileName, null);
    }
  }

  /** Where a job is: counts so far and, when finished, the outcome. */
  public record Status(
      String id,
      String kind,
      String dedupeKey,
      boolean dryRun,
      String status,
      String fileName,
      int totalRows,
      int processed,
      int created,
      int updated,
      int rejected,
      String message,
      Instant startedAt,
      Instant finishedAt) {

    public int percent() {
      if (isFinished()) {
        return 100;
      }
      return totalRows == 0 ? 0 : Math.min(99, (int) (100L * processed / totalRows));
    }

    public boolean isFinished() {
      return status.equals("done") || status.equals("failed");
    }
  }

  /** A rejected row (or column, on row 1) and why. */
  public record Problem(int row, String field, String reason) {}

  private final JdbcClient jdbc;
  private final ImportRun.Parts parts;
  private final Actors actors;
  private final Owners owners;
  private final ExecutorService executor =
      new DelegatingSecurityContextExecutorService(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "rapport-import");
                t.setDaemon(true);
                return t;
              }));

  ImportJobs(
      JdbcClient jdbc,
      JdbcTemplate template,
      PlatformTransactionManager transactions,
      PersonImport persons,
      AccountImport accounts,
      Actors actors,
      Owners owners) {
    this.jdbc = jdbc;
    this.actors = actors;
    this.owners = owners;
    this.parts =
        new ImportRun.Parts(
            jdbc,
            template,
            new TransactionTemplate(transactions),
            Map.of("persons", persons, "accounts", accounts));
  }

  /** Checks the request, keeps the file, and starts the import; returns the queued job. */
  public Status start(Request request, InputStream csv) {
    ImportKind kind = parts.kinds().get(request.kind());
    if (kind == null) {
      throw InvalidInputException.of("kind", "must be persons or accounts");
    }
    if (!kind.dedupeKeys().contains(request.dedupeKey())) {
      throw InvalidInputException.of(
          "dedupeKey", "for " + request.kind() + " use one of " + kind.dedupeKeys());
    }
    List<InvalidInputException.FieldError> ownerErrors = new java.util.ArrayList<>();
    owners.check(
        request.kind().equals("accounts") ? Visible.ACCOUNT : Visible.PERSON,
        request.owner(),
        owners.creator(),
        ownerErrors);
    if (!ownerErrors.isEmpty()) {
      throw InvalidInputException.of("owner", ownerErrors.get(0).reason());
    }
    request
        .mapping()
        .forEach(
            (column, field) -> {
              String f = field == null ? "" : field.strip().toLowerCase(Locale.ROOT);
              if (!f.equals("ignore") && !f.isEmpty() && !kind.fields().containsKey(f)) {
                throw InvalidInputException.of(
                    "mapping." + column,
                    "'"
                        + Fields.shorten(field)
                        + "' is not a field; use one of "
                        + new TreeMap<>(kind.fields()).keySet()
                        + " or ignore");
              }
            });
    Path file;
    long lines;
    try {
      file = Files.createTempFile("rapport-import-", ".csv");
      Files.copy(csv, file, StandardCopyOption.REPLACE_EXISTING);
      lines = countLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the uploaded file", e);
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            insert into import_job (id, kind, dedupe_key, dry_run, status, file_name, total_rows,
              processed, created, updated, rejected, started_by, started_at)
            values (:id, :kind, :key, :dry, 'queued', :file, :total, 0, 0, 0, 0, :by, :now)
            """)
        .param("id", id)
        .param("kind", request.kind())
        .param("key", request.dedupeKey())
        .param("dry", request.dryRun())
        .param("file", request.fileName() == null ? null : Fields.shorten(request.fileName()))
        .param("total", (int) Math.max(0, lines - 1))
        .param("by", actors.current().name())
        .param("now", Timestamp.from(Instant.now()))
        .update();
    executor.submit(() -> new ImportRun(parts, id, request, kind, file).run());
    return status(id);
  }

  ImportKind kind(String name) {
    ImportKind kind = parts.kinds().get(name);
    if (kind == null) {
      throw InvalidInputException.of("kind", "must be persons or accounts");
    }
    return kind;
  }

  public Status status(String id) {
    return jdbc.sql("select * from import_job where id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Status(
                    rs.getString("id"),
                    rs.getString("kind"),
                    rs.getString("dedupe_key"),
                    rs.getBoolean("dry_run"),
                    rs.getString("status"),
                    rs.getString("file_name"),
                    rs.getInt("total_rows"),
                    rs.getInt("processed"),
                    rs.getInt("created"),
                    rs.getInt("updated"),
                    rs.getInt("rejected"),
                    rs.getString("message"),
                    rs.getTimestamp("started_at").toInstant(),
                    rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant()))
        .optional()
        .orElseThrow(() -> new NotFoundException("import", id));
  }

  public List<Status> recent(int limit) {
    return jdbc
        .sql("select id from import_job order by started_at desc limit " + limit)
        .query(String.class)
        .list()
        .stream()
        .map(this::status)
        .toList();
  }

  public List<Problem> problems(String id) {
    status(id);
    return jdbc.sql(
            "select row_no, field, reason from import_error where job_id = :id order by row_no")
        .param("id", id)
        .query((rs, n) -> new Problem(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private static long countLines(Path file) throws IOException {
    long n = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] buf = new char[64 * 1024];
      int read;
      int last = '\n';
      while ((read = r.read(buf)) > 0) {
        for (int i = 0; i < read; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
        last = buf[read - 1];
      }
      if (last != '\n') {
        n++;
      }
    } catch (java.nio.charset.MalformedInputException e) {
      return 0;
    }
    return n;
  }

  /**
   * A job still queued or running when the application starts was cut short by a stop or a crash
   * (jobs run in this process only). Its counts were saved with each chunk, so its message can say
   * exactly which rows are stored; importing the file again with the same dedupe key finishes it,
   * matching the stored rows instead of doubling them.
   */
  @PostConstruct
  void markInterrupted() {
    List<String> cut =
        jdbc.sql("select id from import_job where status in ('queued', 'running')")
            .query(String.class)
            .list();
    for (String id : cut) {
      Status s = status(id);
      String message =
          s.processed() == 0
              ? "interrupted: the application stopped before any row was stored."
                  + " Import the file again."
              : "interrupted: the application stopped after the first %d rows (%d created, %d updated, %d rejected); those are stored, each completely, the rest are not. Import the same file again with the same dedupe key: stored rows are matched, not doubled."
                  .formatted(s.processed(), s.created(), s.updated(), s.rejected());
      jdbc.sql(
              "update import_job set status = 'failed', message = :m, finished_at = :now"
                  + " where id = :id and status in ('queued', 'running')")
          .param("m", message)
          .param("now", Timestamp.from(Instant.now()))
          .param("id", id)
          .update();
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
