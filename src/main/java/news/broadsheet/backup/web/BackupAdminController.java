package news.broadsheet.backup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.backup.BackgroundBackups;
import news.broadsheet.backup.BackupJob;
import news.broadsheet.backup.BackupRefusedException;
import news.broadsheet.backup.Backups;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /admin/backup}: starts a backup of the running site, written in the background, shows how
 * it goes (refreshing itself meanwhile) and lists the finished ones (admins only).
 */
@Controller
class BackupAdminController {

    private final Backups backups;
    private final BackgroundBackups background;
    private final SiteSettings site;

    BackupAdminController(Backups backups, BackgroundBackups background, SiteSettings site) {
        this.backups = backups;
        this.background = background;
        this.site = site;
    }

    @GetMapping("/admin/backup")
    String show(Model model) {
        return page(null, model);
    }

    @PostMapping("/admin/backup")
    String write(@AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response, Model model) {
        try {
            background.start(staff.actor());
            return "redirect:/admin/backup";
        } catch (BackupRefusedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(e.getMessage(), model);
        }
    }

    private String page(@Nullable String refusal, Model model) {
        BackupJob job = background.latest().orElse(null);
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
                        refusal,
                        job == null ? null : status(job),
                        job == null ? null : job.state()));
        return "admin/backup";
    }

    /** How the newest backup asked for here went, in a sentence. */
    private String status(BackupJob job) {
        String started = DisplayTime.of(job.startedAt(), site.timeZone()).label();
        return switch (job.state()) {
            case RUNNING ->
                "A backup started by " + job.startedByName() + " at " + started
                        + " is being written; this page refreshes itself every five seconds, and you may leave it.";
            case DONE ->
                "Backup " + job.backupName() + " written (started by " + job.startedByName() + " at " + started + ").";
            case FAILED ->
                "The backup started by " + job.startedByName() + " at " + started + " failed: " + job.error();
        };
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
