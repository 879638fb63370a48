package news.broadsheet.comment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.broadsheet.article.ArticleSummary;
import news.broadsheet.comment.CommentView;
import news.broadsheet.comment.ModerationPolicy;
import org.jspecify.annotations.Nullable;

/** Builds the form view for both places it appears: under the article, and on its own after a refusal. */
final class CommentForms {

    /** Form fields in page order, with the id of the element a summary link should lead to. */
    private static final Map<String, String> TARGETS = Map.of(
            "parent", "comment-parent-error", "name", "comment-name", "email", "comment-email", "body", "comment-body");

    private static final List<String> ORDER = List.of("parent", "name", "email", "body");

    private CommentForms() {}

    /** How much of a comment the reply form and the report page quote. */
    static final int EXCERPT_LENGTH = 200;

    /**
     * @param replyingTo the comment being replied to, or null
     * @param policy the story's moderation policy, or null when there is no story
     */
    static CommentFormView filled(
            @Nullable ArticleSummary article,
            CommentForm form,
            @Nullable CommentView replyingTo,
            Map<String, String> errors,
            @Nullable String problem,
            boolean submittable,
            @Nullable ModerationPolicy policy) {
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
                replyingTo == null ? null : replyingTo.authorName(),
                replyingTo == null ? null : excerpt(replyingTo.text()),
                parentId == null || article == null ? null : article.url() + "#comment-form",
                errors,
                summary,
                problem,
                submittable && article != null,
                CommentForm.BODY_LIMIT,
                form.wantsNotifications(),
                reviewNote(policy));
    }

    /**
     * The reader's form again, to send to the same story, when the story itself could not be read
     * (the database is down): a reply keeps its parent, named only as "a comment".
     */
    static CommentFormView retry(long articleId, CommentForm form, String problem) {
        Long parentId = form.parentId();
        return new CommentFormView(
                "/articles/" + articleId + "/comments",
                form.nameOrEmpty(),
                form.emailOrEmpty(),
                form.bodyOrEmpty(),
                parentId,
                parentId == null ? null : "a comment",
                null,
                null,
                Map.of(),
                List.of(),
                problem,
                articleId > 0,
                CommentForm.BODY_LIMIT,
                form.wantsNotifications(),
                null);
    }

    static @Nullable String reviewNote(@Nullable ModerationPolicy policy) {
        if (policy == null) {
            return null;
        }
        return switch (policy) {
            case PRE -> "Comments are reviewed by a moderator before they appear.";
            case NEW_COMMENTERS -> "Comments from new commenters are reviewed by a moderator before they appear.";
            case POST -> null;
        };
    }

    /** The start of a comment's text, cut at a word, for quoting. */
    static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) <= EXCERPT_LENGTH) {
            return flat;
        }
        String cut = flat.substring(0, flat.offsetByCodePoints(0, EXCERPT_LENGTH));
        int space = cut.lastIndexOf(' ');
        return (space > EXCERPT_LENGTH / 2 ? cut.substring(0, space) : cut) + "…";
    }
}
