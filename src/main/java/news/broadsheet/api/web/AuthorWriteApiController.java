package news.broadsheet.api.web;

import java.net.URI;
import java.util.List;
import news.broadsheet.api.internal.ApiCaller;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.api.internal.ApiScope;
import news.broadsheet.api.internal.Problem;
import news.broadsheet.author.Author;
import news.broadsheet.author.AuthorDetails;
import news.broadsheet.author.AuthorRefusedException;
import news.broadsheet.author.Authors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating and changing bylines with a personal access token that has the {@code authors:write}
 * scope (editors and admins). The same checks and audit entries as the newsroom's Authors screen.
 */
@RestController
class AuthorWriteApiController implements ApiEndpoint {

    private final Authors authors;
    private final ApiViews views;
    private final TransactionTemplate transaction;

    AuthorWriteApiController(Authors authors, ApiViews views, TransactionTemplate transaction) {
        this.authors = authors;
        this.views = views;
        this.transaction = transaction;
    }

    @PostMapping("/api/v1/authors")
    ResponseEntity<AuthorDetail> create(
            @AuthenticationPrincipal @Nullable ApiCaller caller, @RequestBody AuthorWrite request) {
        ApiCaller writer = writer(caller);
        if (request.name() == null || request.name().isBlank()) {
            throw ApiProblem.invalid(List.of(new Problem.FieldError("name", "Give the byline a name.")));
        }
        AuthorDetails details = new AuthorDetails(
                text(request.slug()),
                request.name(),
                text(request.jobTitle()),
                text(request.bio()),
                text(request.email()),
                text(request.website()),
                profiles(request.profiles(), List.of()),
                request.imageId() == null || request.imageId() == 0 ? null : request.imageId());
        Author created = refusalsAsProblems(() -> transaction.execute(status -> {
            Author author = authors.create(details, writer.staff().actor());
            return Boolean.TRUE.equals(request.retired())
                    ? authors.retire(author.id(), writer.staff().actor())
                    : author;
        }));
        return ResponseEntity.created(URI.create(views.absolute(created.url())))
                .body(views.authorDetail(created, authors.bioHtml(created)));
    }

    @PatchMapping("/api/v1/authors/{id}")
    AuthorDetail update(
            @AuthenticationPrincipal @Nullable ApiCaller caller,
            @PathVariable String id,
            @RequestBody AuthorWrite request) {
        ApiCaller writer = writer(caller);
        long authorId = ApiParams.id(id, "author");
        Author was = authors.byId(authorId)
                .filter(a -> !a.merged())
                .orElseThrow(() -> ApiProblem.notFound("There is no author with id " + authorId + "."));
        AuthorDetails details = new AuthorDetails(
                request.slug() != null ? request.slug() : was.slug(),
                request.name() != null ? request.name() : was.name(),
                request.jobTitle() != null ? request.jobTitle() : was.jobTitle(),
                request.bio() != null ? request.bio() : was.bio(),
                request.email() != null ? request.email() : was.email(),
                request.website() != null ? request.website() : was.website(),
                profiles(request.profiles(), was.profiles()),
                request.imageId() == null ? was.imageId() : request.imageId() == 0 ? null : request.imageId());
        Author saved = refusalsAsProblems(() -> transaction.execute(status -> {
            Author author = authors.update(authorId, details, writer.staff().actor());
            if (request.retired() != null) {
                author = request.retired()
                        ? authors.retire(authorId, writer.staff().actor())
                        : authors.restore(authorId, writer.staff().actor());
            }
            return author;
        }));
        return views.authorDetail(saved, authors.bioHtml(saved));
    }

    private static ApiCaller writer(@Nullable ApiCaller caller) {
        if (caller == null) {
            throw new ApiProblem(401, "This request needs a personal access token: Authorization: Bearer <token>.");
        }
        if (!caller.has(ApiScope.AUTHORS_WRITE)) {
            throw ApiProblem.forbidden(
                    "This token does not have the authors:write scope, or your role no longer allows it.");
        }
        return caller;
    }

    private static Author refusalsAsProblems(java.util.function.Supplier<@Nullable Author> change) {
        try {
            Author author = change.get();
            if (author == null) {
                throw new IllegalStateException("No byline came back");
            }
            return author;
        } catch (AuthorRefusedException e) {
            throw ApiProblem.invalid(e.errors().entrySet().stream()
                    .map(error -> new Problem.FieldError(error.getKey(), error.getValue()))
                    .toList());
        }
    }

    private static List<String> profiles(@Nullable List<String> given, List<String> current) {
        if (given == null) {
            return current;
        }
        // JSON may hold nulls whatever the declared type says.
        return given.stream()
                .filter(java.util.Objects::nonNull)
                .map(String::valueOf)
                .toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
