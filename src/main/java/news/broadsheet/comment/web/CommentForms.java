package news.broadsheet.comment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.broadsheet.article.ArticleSummary;
import org.jspecify.annotations.Nullable;

/** Builds the form view for both places it appears: under the article, and on its own after a refusal. */
final class CommentForms {

    /** Form fields in page order, with the id of the element a summary link should lead to. */
    private static final Map<String, String> TARGETS = Map.of(
            "parent", "comment-parent-error", "name", "comment-name", "email", "comment-email", "body", "comment-body");

    private static final List<String> ORDER = List.of("parent", "name", "email", "body");

    private CommentForms() {}

    static CommentFormView filled(
            @Nullable ArticleSummary article,
            CommentForm form,
            @Nullable String replyingTo,
            Map<String, String> errors,
            @Nullable String problem,
            boolean submittable) {
        Long parentId = replyingTo == null ? null : form.parentId();
        List<CommentFormView.Problem> summary = new ArrayList<>();
        for (String field : ORDER) {
            String message = errors.get(field);
            if (message != null) {
                summary.add(new CommentFormView.Problem(TARGETS.get(field), message));
            }
        }
        return new CommentFormView(
                article == null ? "" : "/articles/" + article.id() + "/comments",
                form.nameOrEmpty(),
                form.emailOrEmpty(),
                form.bodyOrEmpty(),
                parentId,
                replyingTo,
                parentId == null || article == null ? null : article.url() + "#comment-form",
                errors,
                summary,
                problem,
                submittable && article != null,
                CommentForm.BODY_LIMIT,
                form.wantsNotifications());
    }
}
