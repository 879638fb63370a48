package news.broadsheet.section.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.section.Section;
import news.broadsheet.section.SectionChanged;
import news.broadsheet.section.Sections;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sections for editors: create, rename, move under another section. Old addresses redirect. Each
 * change and its audit entry commit together.
 */
@Controller
class SectionAdminController {

    private final Sections sections;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    SectionAdminController(Sections sections, ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.sections = sections;
        this.events = events;
        this.transaction = transaction;
    }

    @GetMapping("/admin/sections")
    String list(@RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("page", page(done != null ? "Saved." : null, null));
        return "admin/sections";
    }

    @PostMapping("/admin/sections")
    String create(
            @AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "0") long parentId,
            HttpServletResponse response,
            Model model) {
        try {
            Section parent = parentId == 0 ? null : sections.byId(parentId).orElse(null);
            String chosen = slug.isBlank() ? news.broadsheet.shared.Slugs.from(name) : slug.strip();
            Section created = sections.create(parent, chosen, name, description);
            events.publishEvent(
                    new SectionChanged(staff.actor(), "section.created", created.id(), "Created /" + created.path()));
            return "redirect:/admin/sections?done";
        } catch (IllegalArgumentException e) {
            return refused(e, response, model);
        }
    }

    @PostMapping("/admin/sections/{id}")
    String update(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "0") long parentId,
            HttpServletResponse response,
            Model model) {
        try {
            String before = sections.byId(id).map(Section::path).orElse("?");
            transaction.executeWithoutResult(status -> {
                Section updated = sections.update(id, parentId == 0 ? null : parentId, slug.strip(), name, description);
                events.publishEvent(new SectionChanged(
                        staff.actor(),
                        before.equals(updated.path()) ? "section.renamed" : "section.moved",
                        id,
                        "/" + before + " is now /" + updated.path() + " (" + updated.name() + ")"));
            });
            return "redirect:/admin/sections?done";
        } catch (IllegalArgumentException e) {
            return refused(e, response, model);
        }
    }

    private String refused(IllegalArgumentException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("page", page(null, e.getMessage()));
        return "admin/sections";
    }

    private SectionsPage page(@Nullable String notice, @Nullable String problem) {
        List<Section> all = sections.all();
        List<SectionsPage.Row> rows = new ArrayList<>();
        for (Section section : all) {
            List<SectionsPage.Parent> parents = new ArrayList<>();
            parents.add(new SectionsPage.Parent(0, "(top level)", section.parentId() == null));
            for (Section candidate : all) {
                if (candidate.id() != section.id() && !candidate.path().startsWith(section.path() + "/")) {
                    parents.add(new SectionsPage.Parent(
                            candidate.id(),
                            candidate.path(),
                            section.parentId() != null && section.parentId() == candidate.id()));
                }
            }
            rows.add(new SectionsPage.Row(
                    section.id(),
                    "/" + section.path(),
                    section.slug(),
                    section.name(),
                    section.description(),
                    parents,
                    section.url()));
        }
        return new SectionsPage(rows, notice, problem);
    }
}
