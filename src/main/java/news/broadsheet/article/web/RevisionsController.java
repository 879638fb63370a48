package news.broadsheet.article.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.ArticleNotFoundException;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.article.RevisionsPage;
import news.broadsheet.article.internal.ArticleDraft;
import news.broadsheet.article.internal.ArticleWorkflow;
import news.broadsheet.article.internal.EditorialRepository.Revision;
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

/** A story's revision history: list, line-by-line comparison of two revisions, and restore. */
@Controller
class RevisionsController {

    private final ArticleWorkflow workflow;
    private final SiteSettings site;

    RevisionsController(ArticleWorkflow workflow, SiteSettings site) {
        this.workflow = workflow;
        this.site = site;
    }

    @GetMapping("/admin/articles/{id}/revisions")
    String history(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            HttpServletResponse response,
            Model model) {
        ArticleDraft draft = workflow.draft(staff, id).orElseThrow(() -> new ArticleNotFoundException("#" + id));
        List<RevisionsPage.DiffLine> diff = List.of();
        String comparing = null;
        if (from != null && to != null) {
            Revision older = workflow.revision(id, from).orElse(null);
            Revision newer = workflow.revision(id, to).orElse(null);
            if (older == null || newer == null) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
            } else {
                diff = RevisionsPage.diff(text(older), text(newer));
                comparing = "Changes from version " + from + " to version " + to;
            }
        }
        List<RevisionsPage.Revision> revisions = workflow.revisions(id).stream()
                .map(r -> new RevisionsPage.Revision(
                        r.version(),
                        r.savedByName(),
                        DisplayTime.of(r.savedAt(), site.timeZone()),
                        r.note(),
                        "/admin/articles/" + id + "/revisions/" + r.version() + "/restore"))
                .toList();
        model.addAttribute(
                "page",
                new RevisionsPage(
                        draft.headline(),
                        "/admin/articles/" + id + "/edit",
                        "/admin/articles/" + id + "/revisions",
                        revisions,
                        comparing,
                        diff,
                        ArticleWorkflow.canEdit(staff, draft),
                        draft.version(),
                        null));
        return "admin/article/revisions";
    }

    @PostMapping("/admin/articles/{id}/revisions/{version}/restore")
    String restore(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(defaultValue = "-1") int expectedVersion,
            HttpServletResponse response,
            Model model) {
        try {
            workflow.restore(staff, id, version, expectedVersion);
            return "redirect:/admin/articles/" + id + "/edit?done=restored";
        } catch (EditorialRefusedException e) {
            response.setStatus(
                    switch (e.kind()) {
                        case FORBIDDEN -> 403;
                        case CONFLICT -> 409;
                        case INVALID -> 422;
                    });
            String status = history(staff, id, null, null, response, model);
            RevisionsPage page = (RevisionsPage) model.getAttribute("page");
            if (page != null) {
                model.addAttribute(
                        "page", page.withProblem(e.errors().values().iterator().next()));
            }
            return status;
        }
    }

    private static List<String> text(Revision revision) {
        List<String> lines = new ArrayList<>();
        lines.add("Headline: " + revision.headline());
        lines.add("Standfirst: " + revision.standfirst());
        lines.add("Address: " + revision.slug());
        lines.add("");
        lines.addAll(List.of(revision.bodyMarkdown().split("\n", -1)));
        return lines;
    }
}
