package news.broadsheet.comment.web;

import org.jspecify.annotations.Nullable;

/**
 * The page shown when a comment cannot be accepted as sent: the story it was for (when there is
 * one to show), and the form or the reader's text.
 */
public record CommentFormPage(
        @Nullable String headline, @Nullable String articleUrl, CommentFormView form) {}
