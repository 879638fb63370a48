package news.broadsheet.article;

import java.util.Locale;

/**
 * Where an article is in its life. Readers see published and scheduled articles once their time
 * has come, unless an embargo or expiry says otherwise.
 */
public enum ArticleStatus {
    /** Being written; only staff see it. */
    DRAFT,
    /** Submitted by its reporter for an editor to review. */
    IN_REVIEW,
    /** Approved to go out at its publication time. */
    SCHEDULED,
    PUBLISHED,
    /** Taken down by an editor or by its expiry. */
    UNPUBLISHED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case IN_REVIEW -> "In review";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case UNPUBLISHED -> "Unpublished";
        };
    }
}
