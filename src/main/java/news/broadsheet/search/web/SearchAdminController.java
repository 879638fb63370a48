package news.broadsheet.search.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.search.SearchIndexStatus;
import news.broadsheet.search.SiteSearch;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/search}: the state of this node's search index, and a button to rebuild it (admins only). */
@Controller
class SearchAdminController {

    private final SiteSearch search;
    private final SiteSettings site;

    SearchAdminController(SiteSearch search, SiteSettings site) {
        this.search = search;
        this.site = site;
    }

    @GetMapping("/admin/search")
    @Nullable
    String status(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable String done,
            HttpServletResponse response,
            Model model)
            throws IOException {
        SearchIndexStatus status = search.status();
        String state = !status.available()
                ? "Being built"
                : status.rebuilding() ? "Searchable; a rebuild is running" : "Ready";
        model.addAttribute(
                "page",
                new SearchAdminPage(
                        state,
                        status.documents(),
                        status.lastRebuild() == null
                                ? null
                                : DisplayTime.of(status.lastRebuild(), site.timeZone())
                                        .label(),
                        status.lastRebuild() == null
                                ? null
                                : String.format(Locale.ENGLISH, "%.1f seconds", status.lastRebuildMillis() / 1000.0),
                        status.lastAppliedChange(),
                        status.rebuilding(),
                        "rebuild".equals(done)
                                ? "A new index is being built. Searches keep using the current one until it is ready."
                                : null));
        return "admin/search";
    }

    @PostMapping("/admin/search/rebuild")
    @Nullable
    String rebuild(@AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response) throws IOException {
        var unused = search.rebuild(staff.actor());
        return "redirect:/admin/search?done=rebuild";
    }
}
