package news.broadsheet.comment.web;

import java.util.Map;
import news.broadsheet.article.ArticleSummary;
import org.jspecify.annotations.Nullable;

/** Builds the form view for both places it appears: under the article, and on its own after a refusal. */
final class CommentForms {

    private CommentForms() {}

    static String action(ArticleSummary article) {
        return "/articles/" + article.id() + "/comments";
    }

    static CommentFormView filled(
            ArticleSummary article,
            CommentForm form,
            @Nullable String replyingTo,
            Map<String, String> errors,
            @Nullable String problem) {
        Long parentId = replyingTo == null ? null : form.parentId();
        return new CommentFormView(
                action(article),
                form.nameOrEmpty(),
                form.emailOrEmpty(),
                form.bodyOrEmpty(),
                parentId,
                replyingTo,
                parentId == null ? null : article.url() + "#comment-form",
                errors,
                problem,
                CommentForm.BODY_LIMIT,
                CommentForm.NAME_LIMIT);
    }
}
