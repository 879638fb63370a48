package news.broadsheet.audit.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.broadsheet.audit.AuditEntry;
import news.broadsheet.audit.AuditLog;
import news.broadsheet.shared.AuditSubjectNames;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log for admins, newest first, filterable by kind of action. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    /** Filter choices: the label shown, and the action prefix it selects. */
    static final Map<String, String> FILTERS =
            Map.of("article.", "Stories", "account.", "Accounts and sign-ins", "section.", "Sections", "tag.", "Tags");

    private final AuditLog log;
    private final SiteSettings site;
    private final List<AuditSubjectNames> subjectNames;

    AuditController(AuditLog log, SiteSettings site, List<AuditSubjectNames> subjectNames) {
        this.log = log;
        this.site = site;
        this.subjectNames = subjectNames;
    }

    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        String prefix = action != null && FILTERS.containsKey(action) ? action : null;
        List<AuditEntry> entries = log.newest(prefix, before, PAGE_SIZE + 1);
        boolean more = entries.size() > PAGE_SIZE;
        List<AuditEntry> shown = more ? entries.subList(0, PAGE_SIZE) : entries;
        Map<String, Map<Long, AuditSubjectNames.Named>> named = names(shown);
        List<AuditPage.Row> rows = shown.stream()
                .map(e -> {
                    AuditSubjectNames.Named subject = e.subjectId() == null
                            ? null
                            : named.getOrDefault(e.subjectType(), Map.of()).get(e.subjectId());
                    return new AuditPage.Row(
                            DisplayTime.of(e.occurredAt(), site.timeZone()),
                            e.actorName(),
                            e.action(),
                            e.detail(),
                            subject == null ? null : subject.name(),
                            subject == null ? null : subject.url());
                })
                .toList();
        String older = more
                ? UriComponentsBuilder.fromPath("/admin/audit")
                        .queryParamIfPresent("action", java.util.Optional.ofNullable(prefix))
                        .queryParam("before", shown.getLast().id())
                        .build()
                        .toUriString()
                : null;
        List<AuditPage.Filter> filters = FILTERS.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(f -> new AuditPage.Filter(
                        f.getKey(), f.getValue(), f.getKey().equals(prefix)))
                .toList();
        model.addAttribute("page", new AuditPage(rows, filters, older));
        return "admin/audit";
    }

    /** Names the subjects of these entries, one lookup per kind of subject. */
    private Map<String, Map<Long, AuditSubjectNames.Named>> names(List<AuditEntry> entries) {
        Map<String, Map<Long, AuditSubjectNames.Named>> named = new java.util.HashMap<>();
        for (AuditSubjectNames names : subjectNames) {
            Set<Long> ids = entries.stream()
                    .filter(e -> e.subjectType().equals(names.subjectType()) && e.subjectId() != null)
                    .map(AuditEntry::subjectId)
                    .collect(Collectors.toSet());
            if (!ids.isEmpty()) {
                named.put(names.subjectType(), names.names(ids));
            }
        }
        return named;
    }
}
