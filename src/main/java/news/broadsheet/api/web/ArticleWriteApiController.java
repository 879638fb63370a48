package news.broadsheet.api.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.broadsheet.api.internal.ApiCaller;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.api.internal.ApiScope;
import news.broadsheet.api.internal.Problem;
import news.broadsheet.article.EditArticle;
import news.broadsheet.article.EditableArticle;
import news.broadsheet.article.EditorialDesk;
import news.broadsheet.article.EditorialRefusedException;
import news.broadsheet.author.Author;
import news.broadsheet.author.Authors;
import news.broadsheet.section.Section;
import news.broadsheet.section.Sections;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writing stories with a personal access token, through the same editorial workflow as the admin
 * editor: the token's {@code articles:write} scope and the user's current role both apply.
 */
@RestController
class ArticleWriteApiController implements ApiEndpoint {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d+)\"");

    private final EditorialDesk desk;
    private final Sections sections;
    private final Authors authors;
    private final ApiViews views;

    ArticleWriteApiController(EditorialDesk desk, Sections sections, Authors authors, ApiViews views) {
        this.desk = desk;
        this.sections = sections;
        this.authors = authors;
        this.views = views;
    }

    @PostMapping("/api/v1/articles")
    ResponseEntity<DraftItem> create(
            @AuthenticationPrincipal @Nullable ApiCaller caller, @RequestBody ArticleWrite request) {
        ApiCaller writer = writer(caller);
        List<Problem.FieldError> errors = new ArrayList<>();
        EditArticle content = new EditArticle(
                text(request.headline()),
                text(request.standfirst()),
                text(request.body()),
                text(request.slug()),
                sectionId(request, 0, errors),
                List.of(),
                request.tags() == null
                        ? List.of()
                        : request.tags().stream().filter(Objects::nonNull).toList(),
                authorIds(request, List.of(), errors),
                request.seoTitle(),
                request.seoDescription(),
                request.commentsOpen() == null || request.commentsOpen());
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        long id = desk.create(writer.staff(), content);
        EditableArticle created = editable(writer, id);
        return ResponseEntity.created(URI.create(views.absolute("/api/v1/articles/" + id + "/draft")))
                .eTag(etag(created))
                .body(views.draft(created));
    }

    /** The story as its editor sees it, with its version in the ETag, for a token that may edit it. */
    @GetMapping(path = "/api/v1/articles/{id}/draft", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DraftItem> draft(@AuthenticationPrincipal @Nullable ApiCaller caller, @PathVariable String id) {
        ApiCaller writer = writer(caller);
        EditableArticle article = editable(writer, ApiParams.id(id, "story"));
        return ResponseEntity.ok().eTag(etag(article)).body(views.draft(article));
    }

    @PatchMapping("/api/v1/articles/{id}")
    ResponseEntity<DraftItem> update(
            @AuthenticationPrincipal @Nullable ApiCaller caller,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ArticleWrite request) {
        ApiCaller writer = writer(caller);
        EditableArticle current = editable(writer, ApiParams.id(id, "story"));
        @Nullable Integer expected = ifMatch != null ? Integer.valueOf(version(ifMatch, current)) : request.version();
        if (expected == null) {
            throw new ApiProblem(
                    428,
                    "Say which version you changed: send If-Match with the ETag of the draft, or a version field.");
        }
        EditArticle was = current.content();
        List<Problem.FieldError> errors = new ArrayList<>();
        EditArticle content = new EditArticle(
                request.headline() != null ? request.headline() : was.headline(),
                request.standfirst() != null ? request.standfirst() : was.standfirst(),
                request.body() != null ? request.body() : was.bodyMarkdown(),
                request.slug() != null ? request.slug() : was.slug(),
                sectionId(request, was.sectionId(), errors),
                was.extraSectionIds(),
                request.tags() != null
                        ? request.tags().stream().filter(Objects::nonNull).toList()
                        : was.tagNames(),
                authorIds(request, was.authorIds(), errors),
                request.seoTitle() != null ? request.seoTitle() : was.seoTitle(),
                request.seoDescription() != null ? request.seoDescription() : was.seoDescription(),
                request.commentsOpen() != null ? request.commentsOpen() : was.commentsOpen());
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        try {
            desk.save(writer.staff(), current.id(), expected, content);
        } catch (EditorialRefusedException e) {
            throw conflict(e, ifMatch != null);
        }
        EditableArticle saved = editable(writer, current.id());
        return ResponseEntity.ok().eTag(etag(saved)).body(views.draft(saved));
    }

    /** Publishes the story now, for a token of an editor or admin. */
    @PostMapping("/api/v1/articles/{id}/publish")
    ResponseEntity<DraftItem> publish(
            @AuthenticationPrincipal @Nullable ApiCaller caller,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        ApiCaller writer = writer(caller);
        if (!EditorialDesk.canPublish(writer.staff())) {
            throw ApiProblem.forbidden("Only editors and admins can publish stories.");
        }
        EditableArticle current = editable(writer, ApiParams.id(id, "story"));
        int expected = ifMatch == null ? -1 : version(ifMatch, current);
        try {
            desk.publishNow(writer.staff(), current.id(), expected);
        } catch (EditorialRefusedException e) {
            throw conflict(e, ifMatch != null);
        }
        EditableArticle published = editable(writer, current.id());
        return ResponseEntity.ok().eTag(etag(published)).body(views.draft(published));
    }

    private static ApiCaller writer(@Nullable ApiCaller caller) {
        if (caller == null) {
            throw new ApiProblem(401, "This request needs a personal access token: Authorization: Bearer <token>.");
        }
        if (!caller.has(ApiScope.ARTICLES_WRITE)) {
            throw ApiProblem.forbidden(
                    "This token does not have the articles:write scope, or your role no longer allows it.");
        }
        if (!EditorialDesk.canWrite(caller.staff())) {
            throw ApiProblem.forbidden("Your role cannot write stories.");
        }
        return caller;
    }

    private EditableArticle editable(ApiCaller writer, long id) {
        return desk.editable(writer.staff(), id)
                .orElseThrow(() -> ApiProblem.notFound("There is no story with id " + id + "."));
    }

    private static RuntimeException conflict(EditorialRefusedException e, boolean precondition) {
        if (e.kind() == EditorialRefusedException.Kind.CONFLICT && precondition) {
            return new ApiProblem(412, "The story has changed since the version in If-Match; fetch the draft again.");
        }
        return e;
    }

    /** The version in an If-Match header; {@code *} means whatever version is current. */
    private static int version(String ifMatch, EditableArticle current) {
        if (ifMatch.strip().equals("*")) {
            return current.version();
        }
        Matcher match = ETAG.matcher(ifMatch.strip());
        if (!match.matches()) {
            throw ApiProblem.badRequest("If-Match must be the ETag of the draft, such as \"3\".");
        }
        try {
            return Integer.parseInt(match.group(1));
        } catch (NumberFormatException e) {
            // Larger than any version a story can reach, so it cannot be the current one.
            throw new ApiProblem(412, "The story has changed since the version in If-Match; fetch the draft again.");
        }
    }

    private static String etag(EditableArticle article) {
        return "\"" + article.version() + "\"";
    }

    private long sectionId(ArticleWrite request, long current, List<Problem.FieldError> errors) {
        if (request.sectionId() != null) {
            return request.sectionId();
        }
        if (request.section() != null) {
            String path = request.section().strip().replaceAll("^/+|/+$", "");
            Section section = sections.byPath(path).orElse(null);
            if (section == null) {
                errors.add(new Problem.FieldError("section", "There is no section with path " + path + "."));
                return current;
            }
            return section.id();
        }
        return current;
    }

    private List<Long> authorIds(ArticleWrite request, List<Long> current, List<Problem.FieldError> errors) {
        if (request.authorIds() == null && request.authorSlugs() == null) {
            return current;
        }
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        if (request.authorIds() != null) {
            request.authorIds().stream().filter(Objects::nonNull).forEach(ids::add);
        }
        if (request.authorSlugs() != null) {
            for (String slug : request.authorSlugs()) {
                Author author = slug == null ? null : authors.bySlug(slug).orElse(null);
                if (author == null) {
                    errors.add(new Problem.FieldError("authorSlugs", "There is no author with slug " + slug + "."));
                } else {
                    ids.add(author.id());
                }
            }
        }
        return List.copyOf(ids);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
