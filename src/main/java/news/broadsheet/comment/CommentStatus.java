package news.broadsheet.comment;

import java.util.Locale;

/** A comment's moderation state; readers see only {@link #APPROVED} comments. */
public enum CommentStatus {
    PENDING,
    APPROVED,
    REJECTED,
    SPAM;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommentStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
