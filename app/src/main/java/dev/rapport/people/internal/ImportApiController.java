package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV imports: start one (it runs in the background), follow its progress, fetch its errors. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportApiController {

  private final ImportJobs jobs;

  ImportApiController(ImportJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping(consumes = "multipart/form-data")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  @Operation(
      summary =
          "Start an import. Parameters: file, kind (persons|accounts), dedupeKey (email|id or"
              + " domain|id), dryRun, owner (user id of new records without owner_id; default"
              + " the importing user), and map.<column>=<field or ignore> for each column")
  ResponseEntity<ImportJobs.Status> start(
      @RequestPart("file") MultipartFile file, @RequestParam Map<String, String> params)
      throws IOException {
    ImportJobs.Request request = request(params, file.getOriginalFilename());
    ImportJobs.Status status = jobs.start(request, file.getInputStream());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/imports/" + status.id()))
        .body(status);
  }

  static ImportJobs.Request request(Map<String, String> params, String fileName) {
    String kind = params.getOrDefault("kind", "persons");
    String key = params.get("dedupeKey");
    if (key == null || key.isBlank()) {
      key = kind.equals("accounts") ? "domain" : "email";
    }
    String dry = params.getOrDefault("dryRun", "false");
    if (!dry.equals("true") && !dry.equals("false") && !dry.equals("on")) {
      throw InvalidInputException.of("dryRun", "must be true or false");
    }
    Map<String, String> mapping = new HashMap<>();
    params.forEach(
        (k, v) -> {
          if (k.startsWith("map.") && v != null && !v.isBlank()) {
            mapping.put(k.substring(4), v);
          }
        });
    Long owner = null;
    String rawOwner = params.get("owner");
    if (rawOwner != null && !rawOwner.isBlank()) {
      try {
        owner = Long.parseLong(rawOwner.strip());
      } catch (NumberFormatException e) {
        throw InvalidInputException.of("owner", "must be a user id, was '" + rawOwner + "'");
      }
    }
    return new ImportJobs.Request(
        kind, key, dry.equals("true") || dry.equals("on"), mapping, fileName, owner);
  }

  @GetMapping
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  List<ImportJobs.Status> recent() {
    return jobs.recent(50);
  }

  @GetMapping("/{id}")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  ImportJobs.Status status(@PathVariable String id) {
    return jobs.status(id);
  }

  @GetMapping("/{id}/errors")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  List<ImportJobs.Problem> errors(@PathVariable String id) {
    return jobs.problems(id);
  }

  @GetMapping("/{id}/errors.csv")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  void errorFile(@PathVariable String id, HttpServletResponse response) throws IOException {
    List<ImportJobs.Problem> problems = jobs.problems(id);
    response.setContentType("text/csv;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
    CsvExport.problems(response.getWriter(), problems);
  }
}
