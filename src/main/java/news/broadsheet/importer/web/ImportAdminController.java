package news.broadsheet.importer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.importer.ImportOptions;
import news.broadsheet.importer.internal.ImportJobRunner;
import news.broadsheet.importer.internal.ImportJobs;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/import} (admins only): upload a WordPress export, which is imported in the
 * background; its page shows the progress, refreshing itself, and then the report.
 */
@Controller
class ImportAdminController {

    private final ImportJobRunner runner;
    private final ImportJobs jobs;
    private final SiteSettings site;
    private final Path uploads;

    ImportAdminController(
            ImportJobRunner runner,
            ImportJobs jobs,
            SiteSettings site,
            @Value("${broadsheet.data-dir}") String dataDir) {
        this.runner = runner;
        this.jobs = jobs;
        this.site = site;
        this.uploads = Path.of(dataDir).resolve("import-uploads");
    }

    @GetMapping("/admin/import")
    @Nullable
    String form(@AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response, Model model)
            throws IOException {
        model.addAttribute("page", page(null, false, false));
        return "admin/import";
    }

    @PostMapping("/admin/import")
    @Nullable
    String upload(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean createAccounts,
            HttpServletResponse response,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(
                    "page", page("Choose the WordPress export file (.xml) to import.", dryRun, createAccounts));
            return "admin/import";
        }
        Files.createDirectories(uploads);
        Path stored = uploads.resolve(UUID.randomUUID() + ".xml");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "export.xml"
                        : file.getOriginalFilename();
        String shown = news.broadsheet.shared.Text.withoutControlCharacters(name);
        long id = runner.start(
                stored,
                shown.length() > 300 ? shown.substring(0, 300) : shown,
                new ImportOptions(null, dryRun, createAccounts),
                staff.actor());
        return "redirect:/admin/import/" + id;
    }

    @GetMapping("/admin/import/{id}")
    @Nullable
    String job(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable String id,
            HttpServletResponse response,
            Model model)
            throws IOException {
        var job = id.matches("\\d{1,18}") ? jobs.find(Long.parseLong(id)) : java.util.Optional.<ImportJobs.Job>empty();
        if (job.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        model.addAttribute("job", view(job.get()));
        return "admin/import-job";
    }

    private ImportPage page(@Nullable String problem, boolean dryRun, boolean createAccounts) {
        return new ImportPage(
                problem,
                dryRun,
                createAccounts,
                jobs.recent(20).stream().map(this::view).toList());
    }

    private ImportJobView view(ImportJobs.Job job) {
        boolean finished = job.state().equals("done") || job.state().equals("failed");
        int percent = job.total() == 0 ? (finished ? 100 : 0) : (int) Math.min(100, job.done() * 100 / job.total());
        String state = switch (job.state()) {
            case "queued" -> "Waiting to start";
            case "checking" -> "Checking the file";
            case "importing" -> "Importing";
            case "done" -> job.dryRun() ? "Dry run finished" : "Finished";
            default -> "Failed";
        };
        return new ImportJobView(
                job.id(),
                "/admin/import/" + job.id(),
                job.fileName(),
                state,
                job.dryRun(),
                job.total(),
                job.done(),
                percent,
                DisplayTime.of(job.startedAt(), site.timeZone()).label(),
                finished,
                job.error(),
                job.report());
    }
}
