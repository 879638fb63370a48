package news.broadsheet.article;

import news.broadsheet.shared.Actor;
import news.broadsheet.shared.AuditableEvent;

/**
 * Something happened to an article: saved, submitted, published, scheduled, embargoed, taken
 * down, corrected, deleted. Published after the change, in its transaction; the audit log records it, and
 * later features (search, page cache) react to it.
 */
public record ArticleChanged(Actor actor, Change change, long articleId, String headline, String detail)
        implements AuditableEvent {

    /** What happened. */
    public enum Change {
        CREATED("article.created"),
        SAVED("article.saved"),
        SUBMITTED("article.submitted"),
        PUBLISHED("article.published"),
        SCHEDULED("article.scheduled"),
        /** Taken off the schedule before it went out, back to review. */
        SCHEDULE_CANCELLED("article.schedule-cancelled"),
        /** Sent back from review to its reporter, with a note. */
        RETURNED("article.returned"),
        UNPUBLISHED("article.unpublished"),
        EMBARGOED("article.embargoed"),
        EMBARGO_LIFTED("article.embargo-lifted"),
        EXPIRY_SET("article.expiry-set"),
        EXPIRED("article.expired"),
        CORRECTED("article.corrected"),
        RESTORED("article.restored"),
        /** Its byline was merged into another; the story now carries the survivor. */
        BYLINE_MERGED("article.byline-merged"),
        DELETED("article.deleted"),
        IMPORTED("article.imported"),
        /** Its text was brought up to date by a later import; no one had edited it here. */
        REIMPORTED("article.reimported"),
        /** Its stored HTML was made again by a newer version of the body renderer; the text is unchanged. */
        RERENDERED("article.rerendered");

        private final String action;

        Change(String action) {
            this.action = action;
        }
    }

    @Override
    public String action() {
        return change.action;
    }

    @Override
    public String subjectType() {
        return "article";
    }

    @Override
    public Long subjectId() {
        return articleId;
    }
}
