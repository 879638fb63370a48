package news.broadsheet.api.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import news.broadsheet.api.internal.ApiCaller;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.api.internal.ApiScope;
import news.broadsheet.api.internal.Problem;
import news.broadsheet.section.Section;
import news.broadsheet.section.SectionChanged;
import news.broadsheet.section.Sections;
import news.broadsheet.shared.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating sections with a personal access token that has the {@code sections:write} scope
 * (editors and admins), so a newsroom can be set up through the API alone. Audited like the
 * Sections screen.
 */
@RestController
class SectionWriteApiController implements ApiEndpoint {

    private final Sections sections;
    private final ApiViews views;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    SectionWriteApiController(
            Sections sections, ApiViews views, ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.sections = sections;
        this.views = views;
        this.events = events;
        this.transaction = transaction;
    }

    @PostMapping("/api/v1/sections")
    ResponseEntity<SectionItem> create(
            @AuthenticationPrincipal @Nullable ApiCaller caller, @RequestBody SectionWrite request) {
        if (caller == null) {
            throw new ApiProblem(401, "This request needs a personal access token: Authorization: Bearer <token>.");
        }
        if (!caller.has(ApiScope.SECTIONS_WRITE)) {
            throw ApiProblem.forbidden(
                    "This token does not have the sections:write scope, or your role no longer allows it.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name();
        if (name.isBlank()) {
            errors.add(new Problem.FieldError("name", "Give the section a name."));
        }
        Section parent = null;
        if (request.parentId() != null) {
            parent = sections.byId(request.parentId()).orElse(null);
            if (parent == null) {
                errors.add(
                        new Problem.FieldError("parentId", "There is no section with id " + request.parentId() + "."));
            }
        } else if (request.parent() != null && !request.parent().isBlank()) {
            String path = request.parent().strip().replaceAll("^/+|/+$", "");
            parent = sections.byPath(path).orElse(null);
            if (parent == null) {
                errors.add(new Problem.FieldError("parent", "There is no section with path " + path + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        String slug = request.slug() == null || request.slug().isBlank()
                ? Slugs.from(name)
                : request.slug().strip();
        Section under = parent;
        Section created;
        try {
            created = transaction.execute(status -> {
                Section section =
                        sections.create(under, slug, name, request.description() == null ? "" : request.description());
                events.publishEvent(new SectionChanged(
                        caller.staff().actor(), "section.created", section.id(), "Created /" + section.path()));
                return section;
            });
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "The section could not be created." : e.getMessage();
            throw ApiProblem.invalid(List.of(new Problem.FieldError(field(message), message)));
        }
        if (created == null) {
            throw new IllegalStateException("No section came back");
        }
        return ResponseEntity.created(URI.create(views.absolute(created.url()))).body(views.sectionItem(created));
    }

    /** Which field a refusal from {@link Sections} is about, by its wording. */
    private static String field(String message) {
        if (message.contains("address")) {
            return "slug";
        }
        if (message.contains("name")) {
            return "name";
        }
        if (message.contains("description")) {
            return "description";
        }
        return "parent";
    }
}
