package dev.rapport.people.internal;

import dev.rapport.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import pages: upload a file, map its columns, then watch the progress bar (htmx polls the job
 * every second until it is finished).
 */
@Controller
class ImportPageController {

  /** An uploaded file waiting for its mapping. */
  record Upload(Path file, String kind, String fileName, List<String> header) {}

  /** One column on the mapping page with the field guessed for it. */
  record Column(String name, String guess) {}

  private final ImportJobs jobs;
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

  ImportPageController(ImportJobs jobs) {
    this.jobs = jobs;
  }

  @GetMapping("/imports")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  String page(Model model) {
    model.addAttribute("jobs", jobs.recent(20));
    return "people/imports";
  }

  @PostMapping("/imports/preview")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  String preview(@RequestPart("file") MultipartFile file, @RequestParam String kind, Model model)
      throws IOException {
    ImportKind importKind = jobs.kind(kind);
    Path tmp = Files.createTempFile("rapport-upload-", ".csv");
    try (InputStream in = file.getInputStream()) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> header;
    try (CsvRows rows =
        new CsvRows(new InputStreamReader(Files.newInputStream(tmp), StandardCharsets.UTF_8))) {
      CsvRows.Row first = rows.next();
      header = first == null || first.isMalformed() ? List.of() : first.fields();
      if (first != null && first.isMalformed()) {
        model.addAttribute("error", "Row 1 (the header) is malformed: " + first.malformed());
      }
    }
    if (header.isEmpty()) {
      Files.deleteIfExists(tmp);
      model.addAttribute("jobs", jobs.recent(20));
      if (!model.containsAttribute("error")) {
        model.addAttribute("error", "The file is empty; its first row must name the columns.");
      }
      return "people/imports";
    }
    String token = UUID.randomUUID().toString();
    uploads.put(token, new Upload(tmp, kind, file.getOriginalFilename(), header));
    List<Column> columns = new ArrayList<>();
    for (String c : header) {
      String guess = ImportRun.guess(importKind, c.strip());
      columns.add(new Column(c.strip(), guess == null ? "ignore" : guess));
    }
    model.addAttribute("token", token);
    model.addAttribute("kind", kind);
    model.addAttribute("fileName", file.getOriginalFilename());
    model.addAttribute("columns", columns);
    model.addAttribute("fields", new TreeMap<>(importKind.fields()).keySet());
    model.addAttribute("keys", importKind.dedupeKeys());
    return "people/import-mapping";
  }

  @PostMapping("/imports/start")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  String start(@RequestParam Map<String, String> form) throws IOException {
    Map<String, String> params = new java.util.HashMap<>(form);
    Upload upload = uploads.remove(params.getOrDefault("token", ""));
    if (upload == null) {
      throw InvalidInputException.of("token", "the upload expired; upload the file again");
    }
    params.put("kind", upload.kind());
    ImportJobs.Request request = ImportApiController.request(params, upload.fileName());
    try (InputStream in = Files.newInputStream(upload.file())) {
      return "redirect:/imports/" + jobs.start(request, in).id();
    } finally {
      Files.deleteIfExists(upload.file());
    }
  }

  @GetMapping("/imports/{id}")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  String job(@PathVariable String id, Model model) {
    model.addAttribute("job", jobs.status(id));
    model.addAttribute("problems", jobs.problems(id).stream().limit(200).toList());
    return "people/import-job";
  }

  @GetMapping("/imports/{id}/progress")
  @PreAuthorize("@access.allows('IMPORT_RUN')")
  String progress(@PathVariable String id, Model model) {
    model.addAttribute("job", jobs.status(id));
    return "people/import-job :: progress";
  }
}
