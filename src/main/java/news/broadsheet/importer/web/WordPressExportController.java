package news.broadsheet.importer.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.importer.WordPressExportSummary;
import news.broadsheet.importer.WordPressExported;
import news.broadsheet.importer.WordPressExporter;
import news.broadsheet.shared.SiteSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/export}: the whole site as a WordPress export file, streamed as it is written (admins only). */
@Controller
class WordPressExportController {

    private final WordPressExporter exporter;
    private final ApplicationEventPublisher events;
    private final SiteSettings site;
    private final Clock clock;

    WordPressExportController(
            WordPressExporter exporter, ApplicationEventPublisher events, SiteSettings site, Clock clock) {
        this.exporter = exporter;
        this.events = events;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/admin/export")
    void download(@AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response) throws IOException {
        String filename = "broadsheet-" + LocalDate.ofInstant(clock.instant(), site.timeZone()) + ".xml";
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        WordPressExportSummary summary;
        try {
            summary = exporter.exportWithSummary(out);
            out.flush();
        } catch (RuntimeException | IOException e) {
            events.publishEvent(
                    new WordPressExported(staff.actor(), "WordPress export interrupted: " + e.getMessage()));
            throw e;
        }
        events.publishEvent(
                new WordPressExported(staff.actor(), "WordPress export " + filename + ": " + summary.describe()));
    }
}
