package news.broadsheet.comment;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a moderator can do with a comment on the desk. */
public enum ModerationAction {
    APPROVE,
    REJECT,
    SPAM,
    FEATURE,
    UNFEATURE,
    /** Rejects the comment and bans its commenter (email and address), for a while or for good. */
    BAN;

    public static @Nullable ModerationAction parse(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (ModerationAction action : values()) {
            if (action.name().equalsIgnoreCase(value.strip())) {
                return action;
            }
        }
        return null;
    }

    public String auditAction() {
        return "comment." + name().toLowerCase(Locale.ROOT);
    }
}
