package news.broadsheet.comment.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the comments block says after a reader posted or reported: the notice, and the comment it
 * is about. The outcome travels in the {@code comment} parameter of the redirect, so the page
 * the reader lands on can say it at {@link #ANCHOR}.
 */
final class CommentNotices {

    /** The notice's id: every redirect after posting or reporting lands here. */
    static final String ANCHOR = "comments-notice";

    static final String PENDING =
            "Thank you. Your comment has been received and will appear once a moderator has approved it.";
    static final String PUBLISHED = "Thank you. Your comment has been published.";
    static final String REPORTED = "Thank you for your report. A moderator will look at the comment.";

    private static final Pattern OUTCOME = Pattern.compile("(pending|published|reported)(?:-(\\d{1,18}))?");

    private CommentNotices() {}

    /**
     * @param text what the notice says
     * @param commentAnchor the comment it is about ({@code comment-42}), linked from the notice, or null
     */
    record Notice(
            String text,
            @Nullable String commentAnchor,
            @Nullable String linkLabel) {}

    /** The query and fragment that bring the reader back to the notice for this outcome. */
    static String redirectSuffix(String outcome, @Nullable Long commentId) {
        return "?comment=" + outcome + (commentId == null ? "" : "-" + commentId) + "#" + ANCHOR;
    }

    static @Nullable Notice of(@Nullable String outcome) {
        Matcher matcher = outcome == null ? null : OUTCOME.matcher(outcome);
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        String anchor = matcher.group(2) == null ? null : "comment-" + matcher.group(2);
        return switch (matcher.group(1)) {
            case "published" -> new Notice(PUBLISHED, anchor, "Read your comment");
            case "reported" -> new Notice(REPORTED, anchor, "Back to the comment");
            default -> new Notice(PENDING, null, null);
        };
    }
}
