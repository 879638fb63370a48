package news.broadsheet.search.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.search.InvalidSearchException;
import news.broadsheet.search.SearchTerms;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/search/terms}: editors' synonyms and pinned results (editors and admins). Changes
 * apply to the next search on every node; nothing is rebuilt.
 */
@Controller
class SearchTermsController {

    private static final String VIEW = "admin/search-terms";

    private final SearchTerms terms;
    private final SiteSettings site;

    SearchTermsController(SearchTerms terms, SiteSettings site) {
        this.terms = terms;
        this.site = site;
    }

    @GetMapping("/admin/search/terms")
    String show(@RequestParam(required = false) @Nullable String done, Model model) {
        String notice = done == null
                ? null
                : switch (done) {
                    case "synonyms" -> "Synonyms saved. They apply to the next search.";
                    case "pin" -> "Story pinned. It comes first for that search from now on.";
                    case "removed" -> "Removed.";
                    default -> null;
                };
        model.addAttribute("page", page(notice, null, null, "", "", ""));
        return VIEW;
    }

    @PostMapping("/admin/search/terms/synonyms")
    String addSynonyms(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String terms,
            HttpServletResponse response,
            Model model) {
        try {
            this.terms.addSynonyms(terms, staff.actor());
        } catch (InvalidSearchException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", page(null, e.getMessage(), null, clip(terms, 4000), "", ""));
            return VIEW;
        }
        return "redirect:/admin/search/terms?done=synonyms";
    }

    @PostMapping("/admin/search/terms/synonyms/{id}/remove")
    String removeSynonyms(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            HttpServletResponse response,
            Model model) {
        return removed(terms.removeSynonyms(id, staff.actor()), response, model);
    }

    @PostMapping("/admin/search/terms/pins")
    String pin(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String query,
            @RequestParam(defaultValue = "") String story,
            HttpServletResponse response,
            Model model) {
        try {
            terms.pin(query, story, staff.actor());
        } catch (InvalidSearchException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", page(null, null, e.getMessage(), "", clip(query, 400), clip(story, 400)));
            return VIEW;
        }
        return "redirect:/admin/search/terms?done=pin";
    }

    @PostMapping("/admin/search/terms/pins/{id}/remove")
    String unpin(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            HttpServletResponse response,
            Model model) {
        return removed(terms.unpin(id, staff.actor()), response, model);
    }

    /**
     * Back to the list after a removal; when there was nothing to remove (someone else removed it
     * first, or the address was made up), a 404 that says so and shows what is there now.
     */
    private String removed(boolean removed, HttpServletResponse response, Model model) {
        if (removed) {
            return "redirect:/admin/search/terms?done=removed";
        }
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute(
                "page",
                page(
                        "That was already removed, perhaps by someone else. This is the list now.",
                        null,
                        null,
                        "",
                        "",
                        ""));
        return VIEW;
    }

    private SearchTermsPage page(
            @Nullable String notice,
            @Nullable String synonymsProblem,
            @Nullable String pinProblem,
            String synonymsInput,
            String pinQueryInput,
            String pinStoryInput) {
        return new SearchTermsPage(
                terms.synonyms().stream()
                        .map(g -> new SearchTermsPage.Synonyms(
                                g.id(), String.join(", ", g.terms()), added(g.createdBy(), g.createdAt())))
                        .toList(),
                terms.pins().stream()
                        .map(p -> new SearchTermsPage.Pin(
                                p.id(),
                                p.query(),
                                "/search?q=" + URLEncoder.encode(p.query(), StandardCharsets.UTF_8),
                                p.articleId(),
                                p.headline(),
                                p.live(),
                                added(p.createdBy(), p.createdAt())))
                        .toList(),
                notice,
                synonymsProblem,
                pinProblem,
                synonymsInput,
                pinQueryInput,
                pinStoryInput);
    }

    private String added(String by, Instant at) {
        return "added by " + by + ", " + DisplayTime.of(at, site.timeZone()).label();
    }

    private static String clip(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
