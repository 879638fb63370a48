package news.broadsheet.article.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.internal.ArticleWorkflow;
import news.broadsheet.article.internal.EditorialRepository;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.Keyset;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The newsroom's list of stories, newest change first, filtered by status, section, author and
 * headline; a reporter's list holds only their own stories ({@link ArticleWorkflow#list}).
 */
@Controller
class ArticleListController {

    static final int PAGE_SIZE = 30;

    private final ArticleWorkflow workflow;
    private final Sections sections;
    private final Authors authors;
    private final SiteSettings site;

    ArticleListController(ArticleWorkflow workflow, Sections sections, Authors authors, SiteSettings site) {
        this.workflow = workflow;
        this.sections = sections;
        this.authors = authors;
        this.site = site;
    }

    @GetMapping("/admin/articles")
    String list(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String section,
            @RequestParam(defaultValue = "") String author,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String after,
            Model model) {
        ArticleStatus statusFilter = parseStatus(status);
        Long sectionFilter = parseId(section);
        Long authorFilter = parseId(author);
        String cleaned = news.broadsheet.shared.Text.withoutControlCharacters(q).strip();
        String text = cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
        Keyset position = Keyset.parse(after).orElse(null);
        Instant afterUpdated = position == null ? null : position.time();
        Long afterId = position == null ? null : position.id();
        List<EditorialRepository.ListedArticle> found = workflow.list(
                staff,
                statusFilter,
                sectionFilter,
                authorFilter,
                text.isEmpty() ? null : text,
                afterUpdated,
                afterId,
                PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<EditorialRepository.ListedArticle> shown = more ? found.subList(0, PAGE_SIZE) : found;
        List<ArticleListPage.Row> rows = shown.stream()
                .map(a -> new ArticleListPage.Row(
                        a.headline(),
                        "/admin/articles/" + a.id() + "/edit",
                        a.status().label(),
                        sections.byId(a.sectionId()).map(Section::name).orElse(""),
                        DisplayTime.of(a.updatedAt(), site.timeZone())))
                .toList();
        String next = null;
        if (more) {
            EditorialRepository.ListedArticle last = shown.getLast();
            next = UriComponentsBuilder.fromPath("/admin/articles")
                    .queryParam("status", status)
                    .queryParam("section", section)
                    .queryParam("author", author)
                    .queryParam("q", text)
                    .queryParam("after", new Keyset(last.updatedAt(), last.id()).token())
                    .encode()
                    .build()
                    .toUriString();
        }
        List<ArticleListPage.StatusOption> statuses = new ArrayList<>();
        for (ArticleStatus s : ArticleStatus.values()) {
            statuses.add(new ArticleListPage.StatusOption(s.dbValue(), s.label(), s == statusFilter));
        }
        List<ArticleEditPage.Option> sectionOptions = new ArrayList<>();
        for (Section top : sections.topLevel()) {
            for (long id : sections.subtreeIds(top)) {
                sections.byId(id)
                        .ifPresent(s -> sectionOptions.add(new ArticleEditPage.Option(
                                s.id(), s.path(), sectionFilter != null && sectionFilter == s.id())));
            }
        }
        List<ArticleEditPage.Option> authorOptions = authors.all().stream()
                .map(a -> new ArticleEditPage.Option(a.id(), a.name(), authorFilter != null && authorFilter == a.id()))
                .toList();
        model.addAttribute(
                "page",
                new ArticleListPage(
                        rows, statuses, sectionOptions, authorOptions, text, next, ArticleWorkflow.canWrite(staff)));
        return "admin/article/list";
    }

    private static @Nullable ArticleStatus parseStatus(String value) {
        for (ArticleStatus status : ArticleStatus.values()) {
            if (status.dbValue().equals(value)) {
                return status;
            }
        }
        return null;
    }

    private static @Nullable Long parseId(String value) {
        return value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
    }
}
