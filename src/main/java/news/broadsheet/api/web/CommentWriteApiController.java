package news.broadsheet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import news.broadsheet.api.internal.ApiCaller;
import news.broadsheet.api.internal.ApiProblem;
import news.broadsheet.api.internal.ApiScope;
import news.broadsheet.api.internal.Problem;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.article.Articles;
import news.broadsheet.comment.CommentRefusedException;
import news.broadsheet.comment.Comments;
import news.broadsheet.comment.PostComment;
import news.broadsheet.comment.PostedComment;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Posting a comment as the token's staff user, through the comments facade and its rules. */
@RestController
class CommentWriteApiController implements ApiEndpoint {

    /** The comment form's limit, in characters as a reader counts them. */
    private static final int BODY_LIMIT = 5000;

    private final Articles articles;
    private final Comments comments;
    private final ApiViews views;

    CommentWriteApiController(Articles articles, Comments comments, ApiViews views) {
        this.articles = articles;
        this.comments = comments;
        this.views = views;
    }

    @PostMapping("/api/v1/articles/{id}/comments")
    ResponseEntity<CommentPosted> post(
            @AuthenticationPrincipal @Nullable ApiCaller caller,
            @PathVariable String id,
            @RequestBody CommentWrite request,
            HttpServletRequest http) {
        if (caller == null) {
            throw new ApiProblem(401, "This request needs a personal access token: Authorization: Bearer <token>.");
        }
        if (!caller.has(ApiScope.COMMENTS_WRITE)) {
            throw ApiProblem.forbidden("This token does not have the comments:write scope.");
        }
        ArticleSummary article = articles.liveById(ApiParams.id(id, "live story"))
                .orElseThrow(() -> ApiProblem.notFound("There is no live story with id " + id + "."));
        String body = request.body() == null ? "" : request.body().strip();
        if (body.isEmpty()) {
            throw ApiProblem.invalid(List.of(new Problem.FieldError("body", "Write the comment.")));
        }
        if (body.codePointCount(0, body.length()) > BODY_LIMIT) {
            throw ApiProblem.invalid(
                    List.of(new Problem.FieldError("body", "Keep the comment to " + BODY_LIMIT + " characters.")));
        }
        try {
            PostedComment posted = comments.post(
                    article,
                    new PostComment(
                            article.id(),
                            request.parentId(),
                            caller.staff().displayName(),
                            null,
                            body,
                            http.getRemoteAddr(),
                            caller.staff().accountId(),
                            false,
                            null));
            return ResponseEntity.created(URI.create(views.absolute("/api/v1/articles/" + article.id() + "/comments")))
                    .body(new CommentPosted(
                            posted.id(), article.id(), posted.status().dbValue()));
        } catch (CommentRefusedException e) {
            String message = String.valueOf(e.getMessage());
            throw switch (e.reason()) {
                case COMMENTS_CLOSED -> ApiProblem.forbidden(message);
                case REPEATED -> new ApiProblem(422, message);
                case PARENT_UNAVAILABLE -> ApiProblem.invalid(List.of(new Problem.FieldError("parentId", message)));
                case FLOODED ->
                    new ApiProblem(
                            429, message, List.of(), Map.of("Retry-After", String.valueOf(e.retryAfterSeconds())));
            };
        }
    }
}
