package news.broadsheet.article.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.article.Tag;
import news.broadsheet.article.TagChanged;
import news.broadsheet.article.internal.ArticleRepository;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Tags for editors: rename (the old address redirects) and merge one tag into another. */
@Controller
class TagAdminController {

    private final ArticleRepository repository;
    private final ApplicationEventPublisher events;

    TagAdminController(ArticleRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @GetMapping("/admin/tags")
    String list(@RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("page", page(done != null ? "Saved." : null, null));
        return "admin/tags";
    }

    @PostMapping("/admin/tags/{id}")
    @Transactional
    public String rename(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug,
            HttpServletResponse response,
            Model model) {
        Tag tag = repository.findTagById(id).orElse(null);
        String newSlug = slug.isBlank() ? Slugs.from(name) : slug.strip();
        String problem = tag == null
                ? "There is no such tag."
                : name.isBlank() || !news.broadsheet.shared.Text.fits(name, 200)
                        ? "Give the tag a name of up to 200 characters."
                        : !Slugs.isValid(newSlug)
                                ? "Use lowercase letters, digits and single hyphens for the address."
                                : repository
                                                .findTagBySlug(newSlug)
                                                .filter(t -> t.id() != id)
                                                .isPresent()
                                        ? "Another tag already has that address; merge them instead."
                                        : null;
        if (problem != null || tag == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", page(null, problem));
            return "admin/tags";
        }
        repository.renameTag(tag, newSlug, name.strip());
        events.publishEvent(new TagChanged(staff.actor(), "tag.renamed", id, tag.name() + " is now " + name.strip()));
        return "redirect:/admin/tags?done";
    }

    @PostMapping("/admin/tags/{id}/merge")
    @Transactional
    public String merge(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long into,
            HttpServletResponse response,
            Model model) {
        Tag source = repository.findTagById(id).orElse(null);
        Tag target = repository.findTagById(into).orElse(null);
        if (source == null || target == null || source.id() == target.id()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("page", page(null, "Choose another existing tag to merge into."));
            return "admin/tags";
        }
        repository.mergeTag(source, target);
        events.publishEvent(new TagChanged(
                staff.actor(), "tag.merged", target.id(), source.name() + " merged into " + target.name()));
        return "redirect:/admin/tags?done";
    }

    private TagsPage page(@Nullable String notice, @Nullable String problem) {
        List<TagsPage.Row> rows = repository.findTagUses().stream()
                .map(u -> new TagsPage.Row(
                        u.tag().id(),
                        u.tag().name(),
                        u.tag().slug(),
                        u.stories(),
                        u.tag().url()))
                .toList();
        return new TagsPage(rows, notice, problem);
    }
}
