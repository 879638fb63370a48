package news.broadsheet.backup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.backup.BackupRefusedException;
import news.broadsheet.backup.BackupSummary;
import news.broadsheet.backup.Backups;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** {@code /admin/backup}: writes a backup of the running site and lists the finished ones (admins only). */
@Controller
class BackupAdminController {

    private static final Logger LOG = LoggerFactory.getLogger(BackupAdminController.class);

    private final Backups backups;
    private final SiteSettings site;

    BackupAdminController(Backups backups, SiteSettings site) {
        this.backups = backups;
        this.site = site;
    }

    @GetMapping("/admin/backup")
    @Nullable
    String show(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable String written,
            HttpServletResponse response,
            Model model)
            throws IOException {
        return page(written == null ? null : "Backup " + written + " written.", model);
    }

    @PostMapping("/admin/backup")
    @Nullable
    String write(@AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response, Model model)
            throws IOException {
        try {
            BackupSummary backup = backups.writeNew(staff.actor());
            return "redirect:/admin/backup?written=" + UriUtils.encodeQueryParam(backup.name(), "UTF-8");
        } catch (BackupRefusedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(e.getMessage(), model);
        } catch (RuntimeException e) {
            LOG.error("The backup failed", e);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return page("The backup failed: " + e.getMessage(), model);
        }
    }

    private String page(@Nullable String notice, Model model) {
        model.addAttribute(
                "page",
                new BackupAdminPage(
                        backups.directory().toAbsolutePath().normalize().toString(),
                        backups.keep(),
                        backups.list().stream()
                                .map(backup -> new BackupAdminPage.Row(
                                        backup.name(),
                                        DisplayTime.of(backup.createdAt(), site.timeZone()),
                                        backup.schemaVersion(),
                                        backup.stories(),
                                        backup.pages(),
                                        backup.comments(),
                                        backup.mediaFiles(),
                                        size(backup.mediaBytes())))
                                .toList(),
                        "/admin/backup",
                        notice));
        return "admin/backup";
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
