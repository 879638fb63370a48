package news.broadsheet.comment;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * When new comments appear: {@link #PRE} holds every one for a moderator, {@link #POST} shows them
 * at once (moderators review after), {@link #NEW_COMMENTERS} holds them until the commenter
 * (recognised by email) has enough approved comments.
 */
public enum ModerationPolicy {
    PRE,
    POST,
    NEW_COMMENTERS;

    /** The form used in settings and the database: {@code pre}, {@code post}, {@code new-commenters}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static @Nullable ModerationPolicy parse(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (ModerationPolicy policy : values()) {
            if (policy.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        return null;
    }

    public String label() {
        return switch (this) {
            case PRE -> "Hold every comment";
            case POST -> "Publish at once, review after";
            case NEW_COMMENTERS -> "Hold new commenters";
        };
    }
}
