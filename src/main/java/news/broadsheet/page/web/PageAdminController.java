package news.broadsheet.page.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.article.RevisionsPage;
import news.broadsheet.page.EditablePage;
import news.broadsheet.page.PageContent;
import news.broadsheet.page.PageNotFoundException;
import news.broadsheet.page.PageRevision;
import news.broadsheet.page.PageStatus;
import news.broadsheet.page.Pages;
import news.broadsheet.shared.DisplayTime;
import news.broadsheet.shared.SiteSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page editor under {@code /admin/pages}, for editors and admins only: reporters write stories,
 * while pages state the publication's own policies and go live without review. Refusals become 403,
 * 409 and 422 pages that keep what was typed; every change is audited through {@code PageChanged}.
 */
@Controller
class PageAdminController {

    private static final String EDIT = "admin/page/edit";

    private final Pages pages;
    private final SiteSettings site;
    private final Clock clock;

    PageAdminController(Pages pages, SiteSettings site, Clock clock) {
        this.pages = pages;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/admin/pages")
    String list(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        List<PageListPage.Row> rows = pages.all().stream()
                .map(page -> new PageListPage.Row(
                        page.title(),
                        page.url(),
                        statusLabel(page),
                        page.content().inFooter() ? "Yes (" + page.content().footerPosition() + ")" : "No",
                        time(page.updatedAt()),
                        editUrl(page.id())))
                .toList();
        model.addAttribute("page", new PageListPage(rows, done == null ? null : "Saved."));
        return "admin/page/list";
    }

    @GetMapping("/admin/pages/new")
    String newPage(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("page", editPage(null, PageForm.blank(), Map.of(), null, null, null, null));
        return EDIT;
    }

    @PostMapping("/admin/pages")
    String create(
            @AuthenticationPrincipal StaffPrincipal staff,
            @ModelAttribute PageForm form,
            @RequestParam(defaultValue = "save") String intent,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        PageContent content = form.content(errors);
        if ("preview".equals(intent)) {
            model.addAttribute("page", editPage(null, form, errors, null, null, pages.render(content), null));
            return EDIT;
        }
        try {
            refuseIfAny(errors);
            long id = pages.create(content, staff.actor());
            return "redirect:" + editUrl(id) + "?done=created";
        } catch (EditorialRefusedException e) {
            response.setStatus(status(e));
            model.addAttribute("page", editPage(null, form, merged(errors, e), null, message(e), null, null));
            return EDIT;
        }
    }

    @GetMapping("/admin/pages/{id}/edit")
    String edit(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        EditablePage page = page(id);
        model.addAttribute("page", editPage(page, PageForm.of(page), Map.of(), notice(done), null, null, null));
        return EDIT;
    }

    @PostMapping("/admin/pages/{id}")
    String save(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @ModelAttribute PageForm form,
            @RequestParam(defaultValue = "save") String intent,
            HttpServletResponse response,
            Model model) {
        EditablePage page = page(id);
        Map<String, String> errors = new LinkedHashMap<>();
        PageContent content = form.content(errors);
        if ("preview".equals(intent)) {
            model.addAttribute("page", editPage(page, form, errors, null, null, pages.render(content), null));
            return EDIT;
        }
        try {
            refuseIfAny(errors);
            pages.update(id, form.versionOrZero(), content, staff.actor());
            return "redirect:" + editUrl(id) + "?done=saved";
        } catch (EditorialRefusedException e) {
            response.setStatus(status(e));
            EditablePage current = page(id);
            PageEditPage.Conflict conflict = e.kind() == EditorialRefusedException.Kind.CONFLICT
                    ? new PageEditPage.Conflict(
                            current.title(), current.content().body(), current.version())
                    : null;
            // After a conflict the form carries the newer version: saving again is a deliberate overwrite.
            PageForm kept = conflict == null ? form : form.atVersion(current.version());
            model.addAttribute("page", editPage(current, kept, merged(errors, e), null, message(e), null, conflict));
            return EDIT;
        }
    }

    @PostMapping("/admin/pages/{id}/publish")
    String publish(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            HttpServletResponse response,
            Model model) {
        page(id);
        try {
            pages.publish(id, version, null, staff.actor());
            return "redirect:" + editUrl(id) + "?done=published";
        } catch (EditorialRefusedException e) {
            return refusedAction(id, e, response, model);
        }
    }

    @PostMapping("/admin/pages/{id}/unpublish")
    String unpublish(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            HttpServletResponse response,
            Model model) {
        page(id);
        try {
            pages.unpublish(id, version, staff.actor());
            return "redirect:" + editUrl(id) + "?done=unpublished";
        } catch (EditorialRefusedException e) {
            return refusedAction(id, e, response, model);
        }
    }

    // --- revisions ------------------------------------------------------------------------------

    @GetMapping("/admin/pages/{id}/revisions")
    String revisions(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            HttpServletResponse response,
            Model model) {
        EditablePage page = page(id);
        List<RevisionsPage.DiffLine> diff = List.of();
        String comparing = null;
        if (from != null && to != null) {
            PageRevision older = pages.revision(id, from).orElse(null);
            PageRevision newer = pages.revision(id, to).orElse(null);
            if (older == null || newer == null) {
                response.setStatus(404);
            } else {
                diff = RevisionsPage.diff(lines(older), lines(newer));
                comparing = "Changes from version " + from + " to version " + to;
            }
        }
        List<RevisionsPage.Revision> revisions = pages.revisions(id).stream()
                .map(r -> new RevisionsPage.Revision(
                        r.version(),
                        r.savedByName(),
                        time(r.savedAt()),
                        r.note(),
                        "/admin/pages/" + id + "/revisions/" + r.version() + "/restore"))
                .toList();
        model.addAttribute(
                "page",
                new RevisionsPage(
                        page.title(),
                        editUrl(id),
                        "/admin/pages/" + id + "/revisions",
                        revisions,
                        comparing,
                        diff,
                        true,
                        page.version(),
                        null));
        return "admin/article/revisions";
    }

    @PostMapping("/admin/pages/{id}/revisions/{version}/restore")
    String restore(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(defaultValue = "-1") int expectedVersion,
            HttpServletResponse response,
            Model model) {
        page(id);
        try {
            pages.restore(id, version, expectedVersion, staff.actor());
            return "redirect:" + editUrl(id) + "?done=restored";
        } catch (EditorialRefusedException e) {
            response.setStatus(status(e));
            String view = revisions(staff, id, null, null, response, model);
            RevisionsPage page = (RevisionsPage) model.getAttribute("page");
            if (page != null) {
                model.addAttribute("page", page.withProblem(message(e)));
            }
            return view;
        }
    }

    private static List<String> lines(PageRevision revision) {
        List<String> lines = new ArrayList<>();
        lines.add("Title: " + revision.content().title());
        lines.add("Address: /" + revision.content().slug());
        lines.add("Description: " + revision.content().description());
        lines.add("Format: " + revision.content().format().dbValue());
        lines.add("");
        lines.addAll(List.of(revision.content().body().split("\n", -1)));
        return lines;
    }

    // --- helpers --------------------------------------------------------------------------------

    private EditablePage page(long id) {
        return pages.byId(id).orElseThrow(() -> new PageNotFoundException("#" + id));
    }

    private String refusedAction(long id, EditorialRefusedException e, HttpServletResponse response, Model model) {
        response.setStatus(status(e));
        EditablePage current = page(id);
        model.addAttribute("page", editPage(current, PageForm.of(current), e.errors(), null, message(e), null, null));
        return EDIT;
    }

    private PageEditPage editPage(
            @Nullable EditablePage page,
            PageForm form,
            Map<String, String> errors,
            @Nullable String notice,
            @Nullable String problem,
            @Nullable String preview,
            PageEditPage.@Nullable Conflict conflict) {
        PageEditPage.Status status = null;
        if (page != null) {
            boolean live = page.liveAt(clock.instant());
            status = new PageEditPage.Status(
                    statusLabel(page),
                    page.status() == PageStatus.PUBLISHED,
                    live ? page.url() : null,
                    page.publishedAt() == null ? null : time(page.publishedAt()),
                    time(page.updatedAt()),
                    "/admin/pages/" + page.id() + "/revisions",
                    "/admin/pages/" + page.id() + "/publish",
                    "/admin/pages/" + page.id() + "/unpublish",
                    page.version());
        }
        return new PageEditPage(
                page == null ? "New page" : "Edit page “" + page.title() + "”",
                page == null ? "/admin/pages" : "/admin/pages/" + page.id(),
                form,
                form.footer(),
                "html".equals(form.format()),
                errors,
                notice,
                problem,
                preview,
                conflict,
                status);
    }

    private String statusLabel(EditablePage page) {
        if (page.status() == PageStatus.PUBLISHED && !page.liveAt(clock.instant())) {
            return "Published from "
                    + time(java.util.Objects.requireNonNull(page.publishedAt())).label();
        }
        return page.status().label();
    }

    private DisplayTime time(java.time.Instant instant) {
        return DisplayTime.of(instant, site.timeZone());
    }

    private static String editUrl(long id) {
        return "/admin/pages/" + id + "/edit";
    }

    private static void refuseIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new EditorialRefusedException(EditorialRefusedException.Kind.INVALID, errors);
        }
    }

    private static Map<String, String> merged(Map<String, String> formErrors, EditorialRefusedException e) {
        Map<String, String> all = new LinkedHashMap<>(e.errors());
        formErrors.forEach(all::putIfAbsent);
        return all;
    }

    private static int status(EditorialRefusedException e) {
        return switch (e.kind()) {
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case INVALID -> 422;
        };
    }

    private static String message(EditorialRefusedException e) {
        String whole = e.errors().get("");
        return whole != null ? whole : "The page was not saved: please correct the fields marked below.";
    }

    private static @Nullable String notice(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "Page created as a draft.";
            case "saved" -> "Saved.";
            case "published" -> "Published.";
            case "unpublished" -> "Unpublished: readers get a 404 until you publish it again.";
            case "restored" -> "Restored as a new version.";
            default -> null;
        };
    }
}
